"""SymPy oracle for the differential tests: one process per test run.

stdin: one JSON object per line {"id", "kind": "expand"|"diff", "input", "ours", "var", "terms"}
stdout: one JSON list of {"id", "ok", "detail"}. Expressions use the kernel's text syntax (^ for powers).
"""
import json
import signal
import sys

import sympy
from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

TRANSFORMS = standard_transformations + (convert_xor,)
SYMBOLS = {n: sympy.Symbol(n, real=True) for n in ("x", "y", "z")}
NAMES = dict(SYMBOLS)
NAMES.update({"abs": sympy.Abs, "sign": sympy.sign, "sqrt": sympy.sqrt, "exp": sympy.exp,
              "log": sympy.log, "sin": sympy.sin, "cos": sympy.cos})


def parse(text):
    return parse_expr(text, local_dict=dict(NAMES), transformations=TRANSFORMS)


def is_zero(d):
    """Zero test by increasingly strong (and slow) normalisations; the first that gives 0 decides."""
    for step in (sympy.expand, lambda e: sympy.cancel(sympy.together(e)), sympy.simplify):
        d = step(d)
        if d == 0:
            return True
    return False


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def check(case):
    inp = parse(case["input"])
    ours = parse(case["ours"])
    if case["kind"] == "expand":
        theirs = sympy.expand(inp)
    else:
        theirs = sympy.diff(inp, SYMBOLS[case["var"]])
    if not is_zero(theirs - ours):
        return False, f"sympy: {theirs}  ours: {ours}"
    if case["kind"] == "expand" and inp.is_polynomial(*SYMBOLS.values()):
        # Expanded polynomials are canonical: the term counts must agree exactly.
        n = len(sympy.Add.make_args(theirs)) if theirs != 0 else 0
        if n != case["terms"]:
            return False, f"term count: sympy {n}, ours {case['terms']}"
    return True, ""


def main():
    signal.signal(signal.SIGALRM, on_alarm)
    results = []
    for line in sys.stdin:
        if not line.strip():
            continue
        case = json.loads(line)
        try:
            signal.alarm(20)
            ok, detail = check(case)
        except Timeout:
            ok, detail = None, "sympy timed out"
        except Exception as e:  # a parse error is a printer/oracle mismatch worth reporting
            ok, detail = False, f"{type(e).__name__}: {e}"
        finally:
            signal.alarm(0)
        results.append({"id": case["id"], "ok": ok, "detail": detail})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
