"""NumPy peer of the `e2-loop` benchmark: plain GD on the 2x2 construction (depth N, half the squared error).

The loop is the deep-matrix-factorization loop of e1_numpy.py on 2x2 layers: at this size the cost is NumPy's
per-call overhead, which is what an idiomatic Python implementation of E2 pays for its millions of steps.
Usage: e2_numpy.py problem.json
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e1_numpy import DmfLoop, serve  # noqa: E402

if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        serve(DmfLoop(json.load(f)))
