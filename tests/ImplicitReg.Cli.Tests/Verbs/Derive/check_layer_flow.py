"""Independent check of `implicitreg derive layer-flow --format json` with SymPy.

Reads the JSON on stdin; argv: the layer sizes d0,...,dN. For every equation of the step "layer flows"
(d/dt Wj[r,c] = rhs) it checks, by SymPy's own expand, that
  1. rhs == -d(phi)/d(Wj[r,c]) with phi taken from the step "objective", and
  2. rhs == entry (r,c) of the published M1 formula -(WN...W(j+1))^T G (W(j-1)...W1)^T built with SymPy matrices.
Prints one JSON line: {"checked": n, "mismatches": [...]}.
"""
import json
import re
import sys

import sympy as sp

INDEXED = re.compile(r"([A-Za-z][A-Za-z0-9_]*)\[([0-9 ,]+)\]")
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def mangle(text):
    return INDEXED.sub(lambda m: m.group(1) + "__" + "_".join(p.strip() for p in m.group(2).split(",")), text)


def parse(text):
    text = mangle(text).replace("^", "**")
    # Every identifier is a plain symbol (no I, N, S, E surprises), except the toolkit's function names.
    functions = {"exp": sp.exp, "log": sp.log, "abs": sp.Abs, "sign": sp.sign, "sin": sp.sin, "cos": sp.cos, "sqrt": sp.sqrt}
    names = {n: functions.get(n) or sp.Symbol(n) for n in IDENT.findall(text)}
    return sp.parse_expr(text, local_dict=names, evaluate=True)


def main():
    dims = [int(x) for x in sys.argv[1].split(",")]
    depth = len(dims) - 1
    doc = json.load(sys.stdin)
    steps = {s["name"]: s for s in doc["steps"]}
    phi = parse(steps["objective"]["equations"][0]["rhs"])
    layers = {j: sp.Matrix(dims[j], dims[j - 1], lambda r, c: sp.Symbol(f"W{j}__{r + 1}_{c + 1}")) for j in range(1, depth + 1)}
    g = sp.Matrix(dims[depth], dims[0], lambda r, c: sp.Symbol(f"G__{r + 1}_{c + 1}"))

    def chain(top, bottom):
        m = sp.eye(dims[bottom - 1])
        for k in range(bottom, top + 1):
            m = layers[k] * m
        return m

    published = {j: -chain(depth, j + 1).T * g * chain(j - 1, 1).T for j in range(1, depth + 1)}
    checked, mismatches = 0, []
    for eq in steps["layer flows"]["equations"]:
        match = re.fullmatch(r"d/dt W(\d+)\[(\d+),(\d+)\]", eq["lhs"])
        j, r, c = (int(x) for x in match.groups())
        rhs = parse(eq["rhs"])
        variable = sp.Symbol(f"W{j}__{r}_{c}")
        if sp.expand(rhs + sp.diff(phi, variable)) != 0:
            mismatches.append(f"{eq['lhs']}: not -dphi/d{variable}")
        if sp.expand(rhs - published[j][r - 1, c - 1]) != 0:
            mismatches.append(f"{eq['lhs']}: differs from M1")
        checked += 1
    print(json.dumps({"checked": checked, "mismatches": mismatches}))


main()
