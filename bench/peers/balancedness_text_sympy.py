"""SymPy peer of the `balancedness-text` benchmark: reads the identity written by balancedness_text.py
(plain spelling, W412 for entry (1, 2) of layer 4), parses it with sympify, expands it and prints the
result, which must be 0. The benchmark times the whole process, like ours and FORM's.

Usage: balancedness_text_sympy.py PLAIN_TEXT_FILE
"""
import sys

import sympy


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    with open(sys.argv[1], encoding="ascii") as f:
        # Line breaks only separate the terms of the outer sum; Python's tokenizer wants one line.
        text = f.read().replace("\n", " ")
    print(sympy.expand(sympy.sympify(text)))


if __name__ == "__main__":
    main()
