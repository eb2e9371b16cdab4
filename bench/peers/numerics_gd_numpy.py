"""NumPy peer of the `numerics-gd` benchmark: plain GD on depth-3 100x100 matrix completion (E1).

Reads the problem written by the C# side (JSON: n, rows, cols, targets, c, lr, layers W1..W3 row-major), then
serves commands on stdin so the two sides can alternate rounds under the same background load:
    "steps K"  run K GD steps, answer {"steps_per_second": rate}
    "loss"     answer {"loss": loss at the current iterate}
    "info"     answer {"numpy": version, "blas": loaded OpenBLAS library}
Each step is the idiomatic dense NumPy loop (products reused, 7 matrix products on OpenBLAS):
    P = W3 W2, Q = W2 W1, W = P W1, r = W[Omega] - b, G = 2c r on Omega (dense, zero elsewhere),
    g3 = G Q^T, g1 = P^T G, g2 = W3^T (G W1^T), W_j -= lr g_j.
Usage: numerics_gd_numpy.py problem.json
"""
import json
import sys

import numpy as np

from peer_server import serve


def main():
    path = sys.argv[1]
    with open(path) as f:
        p = json.load(f)
    n = p["n"]
    rows = np.array(p["rows"], dtype=np.intp)
    cols = np.array(p["cols"], dtype=np.intp)
    b = np.array(p["targets"], dtype=np.float64)
    c, lr = p["c"], p["lr"]
    W1, W2, W3 = (np.array(w, dtype=np.float64).reshape(n, n) for w in p["layers"])
    G = np.zeros((n, n))

    def step():
        nonlocal W1, W2, W3
        P = W3 @ W2
        Q = W2 @ W1
        W = P @ W1
        r = W[rows, cols] - b
        G[rows, cols] = 2 * c * r
        g3 = G @ Q.T
        g1 = P.T @ G
        g2 = W3.T @ (G @ W1.T)
        W1 -= lr * g1
        W2 -= lr * g2
        W3 -= lr * g3
        return c * float(r @ r)

    def loss():
        W = W3 @ W2 @ W1
        r = W[rows, cols] - b
        return c * float(r @ r)

    serve(step, loss)


if __name__ == "__main__":
    main()
