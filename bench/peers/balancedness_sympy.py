"""SymPy peer of the `balancedness` benchmark (M2 of docs/theory.md), the same job as the C# side.

Depth N = 5, 4x4 layers W_1..W_5 and an arbitrary 4x4 gradient G (all entries symbols). With
Wdot_j = -(W_N...W_{j+1})^T G (W_{j-1}...W_1)^T, build for every j = 1..N-1
    Wdot_{j+1}^T W_{j+1} + W_{j+1}^T Wdot_{j+1} - Wdot_j W_j^T - W_j Wdot_j^T,
expand every entry and check that all are 0. Usage: balancedness_sympy.py [repetitions] [depth] [size]
Prints one JSON object: {"sympy": version, "seconds": [...], "zero": bool}.
"""
import json
import sys
import time

import sympy
from sympy.core.cache import clear_cache


def job(depth, size):
    W = [sympy.Matrix(size, size, lambda r, c, j=j: sympy.Symbol(f"W{j}[{r + 1},{c + 1}]")) for j in range(1, depth + 1)]
    G = sympy.Matrix(size, size, lambda r, c: sympy.Symbol(f"G[{r + 1},{c + 1}]"))
    eye = sympy.eye(size)
    prefix = [eye]                      # prefix[j] = W_j ... W_1
    for j in range(1, depth + 1):
        prefix.append(W[j - 1] * prefix[j - 1])
    suffix = [None] * (depth + 1)       # suffix[j] = W_N ... W_{j+1}
    suffix[depth] = eye
    for j in range(depth - 1, -1, -1):
        suffix[j] = suffix[j + 1] * W[j]
    wdot = [-(suffix[j].T * G * prefix[j - 1].T) for j in range(1, depth + 1)]
    zero = True
    for j in range(1, depth):
        wj, wj1, dj, dj1 = W[j - 1], W[j], wdot[j - 1], wdot[j]
        defect = dj1.T * wj1 + wj1.T * dj1 - dj * wj.T - wj * dj.T
        zero = zero and all(sympy.expand(e) == 0 for e in defect)
    return zero


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    depth = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    seconds, zero = [], True
    for _ in range(reps):
        # SymPy memoises expand() and friends: without clearing, repetitions 2+ would time cache hits.
        clear_cache()
        start = time.perf_counter()
        zero = job(depth, size) and zero
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"sympy": sympy.__version__, "seconds": seconds, "zero": zero}))


if __name__ == "__main__":
    main()
