"""Writes the input of the `balancedness-text` benchmark: the balancedness identity of deep matrix
factorization as one long plain-text expression, and a FORM program that expands the same text.

Depth N, s x s layers W_1..W_N and an arbitrary s x s gradient G (all entries symbols). Along the layer
flows Wdot_j = -(W_N...W_{j+1})^T G (W_{j-1}...W_1)^T (Arora, Cohen, Hazan 2018; Arora, Cohen, Hu, Luo 2019)
the time derivative of W_{j+1}^T W_{j+1} - W_j W_j^T is
    D_j = Wdot_{j+1}^T W_{j+1} + W_{j+1}^T Wdot_{j+1} - Wdot_j W_j^T - W_j Wdot_j^T,
which is identically zero. The text is
    sum over j = 1..N-1 and entries (r, c) of  C<j><r><c> * ( D_j[r, c] )
with every Wdot entry written out as its expanded polynomial in parentheses and D_j[r, c] written as the
sum over k of those parenthesised polynomials times layer entries, i.e. what a derivation hands over as
text. The distinct weight symbols C<j><r><c> make the expansion 0 exactly when every entry of every D_j is
0 (a sum of the entries alone could cancel by accident). Depth 4 with 4x4 layers is about 3 MB of text.

Two spellings of the same expression are written. PLAIN_OUT, for SymPy and FORM, names entry (r, c) of
layer j W<j><r><c>, of G G<r><c> and the weights C<j><r><c> (1-based one-digit indices: sizes and depths
below 10). OURS_OUT is the same text in the toolkit's own notation, as its printer writes it: W<j>[r,c],
G[r,c], C<j>[r,c] and spaces around binary + and - (about 2.5 times longer). A line break follows every
term of the outer sum (FORM reads long input better in lines).

Usage: balancedness_text.py DEPTH SIZE OURS_OUT PLAIN_OUT [FORM_OUT]
  FORM_OUT: a FORM program that #includes PLAIN_OUT (same directory) and prints the expansion (F = 0;).
"""
import re
import os
import sys


def matmul(a, b):
    """Product of matrices whose entries are {monomial (tuple of names): coefficient} polynomials."""
    n, m, p = len(a), len(b), len(b[0])
    out = [[{} for _ in range(p)] for _ in range(n)]
    for i in range(n):
        for j in range(p):
            acc = out[i][j]
            for k in range(m):
                for ma, ca in a[i][k].items():
                    for mb, cb in b[k][j].items():
                        key = ma + mb
                        acc[key] = acc.get(key, 0) + ca * cb
    return out


def transpose(a):
    return [list(row) for row in zip(*a)]


def symbols(name, size):
    return [[{(f"{name}{r + 1}{c + 1}",): 1} for c in range(size)] for r in range(size)]


def identity(size):
    return [[{(): 1} if r == c else {} for c in range(size)] for r in range(size)]


def poly_text(p):
    """An expanded polynomial as text: terms joined by + and -, factors by *."""
    parts = []
    for mono, coef in p.items():
        if coef == 0:
            continue
        body = "*".join(mono) if mono else "1"
        if abs(coef) != 1:
            body = f"{abs(coef)}*{body}"
        parts.append(("-" if coef < 0 else "+") + body)
    if not parts:
        return "0"
    text = "".join(parts)
    return text[1:] if text[0] == "+" else text


def identity_text(depth, size):
    if not (2 <= depth <= 9 and 1 <= size <= 9):
        raise SystemExit("balancedness_text.py: depth must be 2..9 and size 1..9 (one-digit indices in names)")
    w = [symbols(f"W{j}", size) for j in range(1, depth + 1)]
    g = symbols("G", size)
    prefix = [identity(size)]                      # prefix[j] = W_j ... W_1
    for j in range(1, depth + 1):
        prefix.append(matmul(w[j - 1], prefix[j - 1]))
    suffix = [None] * (depth + 1)                  # suffix[j] = W_N ... W_{j+1}
    suffix[depth] = identity(size)
    for j in range(depth - 1, -1, -1):
        suffix[j] = matmul(suffix[j + 1], w[j])
    wdot = []
    for j in range(1, depth + 1):
        m = matmul(matmul(transpose(suffix[j]), g), transpose(prefix[j - 1]))
        wdot.append([[poly_text({k: -v for k, v in e.items()}) for e in row] for row in m])
    lines = []
    for j in range(1, depth):
        dj, dj1 = wdot[j - 1], wdot[j]
        for r in range(size):
            for c in range(size):
                # D_j[r,c] = sum_k Wdot_{j+1}[k,r] W_{j+1}[k,c] + W_{j+1}[k,r] Wdot_{j+1}[k,c]
                #                - Wdot_j[r,k] W_j[c,k] - W_j[r,k] Wdot_j[c,k]
                terms = []
                for k in range(size):
                    terms.append(f"({dj1[k][r]})*W{j + 1}{k + 1}{c + 1}")
                    terms.append(f"W{j + 1}{k + 1}{r + 1}*({dj1[k][c]})")
                    terms.append(f"-({dj[r][k]})*W{j}{c + 1}{k + 1}")
                    terms.append(f"-W{j}{r + 1}{k + 1}*({dj[c][k]})")
                entry = "+".join(terms).replace("+-", "-")
                lines.append(f"C{j}{r + 1}{c + 1}*({entry})")
    return "\n+".join(lines) + "\n"


def form_program(depth, size, text_file):
    names = [f"W{j}{r}{c}" for j in range(1, depth + 1) for r in range(1, size + 1) for c in range(1, size + 1)]
    names += [f"G{r}{c}" for r in range(1, size + 1) for c in range(1, size + 1)]
    names += [f"C{j}{r}{c}" for j in range(1, depth) for r in range(1, size + 1) for c in range(1, size + 1)]
    decl = "\n".join("Symbols " + ",".join(names[i:i + 16]) + ";" for i in range(0, len(names), 16))
    return f"""#-
Off Statistics;
{decl}
Local F =
#include {text_file}
;
.sort
Print;
.end
"""


def our_notation(plain):
    """W412 -> W4[1,2], G12 -> G[1,2], C312 -> C3[1,2]; binary + and - spaced as our text printer writes them."""
    text = re.sub(r"\b([WC])(\d)(\d)(\d)\b", r"\1\2[\3,\4]", plain)
    text = re.sub(r"\bG(\d)(\d)\b", r"G[\1,\2]", text)
    return re.sub(r"(?<=[\w\])])([+-])", r" \1 ", text)


def main():
    if len(sys.argv) not in (5, 6):
        raise SystemExit(__doc__)
    depth, size, ours_out, plain_out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    plain = identity_text(depth, size)
    with open(plain_out, "w", encoding="ascii", newline="\n") as f:
        f.write(plain)
    with open(ours_out, "w", encoding="ascii", newline="\n") as f:
        f.write(our_notation(plain))
    if len(sys.argv) == 6:
        with open(sys.argv[5], "w", encoding="ascii", newline="\n") as f:
            f.write(form_program(depth, size, os.path.basename(plain_out)))


if __name__ == "__main__":
    main()
