"""NumPy peer of the `numerics-gd` benchmark: plain GD on depth-3 100x100 matrix completion (E1).

Reads the problem written by the C# side (JSON: n, rows, cols, targets, c, lr, layers W1..W3 row-major), then
times `rounds` x `steps` GD steps of the idiomatic dense NumPy loop (products reused, 6 matrix products per
step on OpenBLAS):
    P = W3 W2, Q = W2 W1, W = P W1, r = W[Omega] - b, G = 2c r on Omega (dense, zero elsewhere),
    g3 = G Q^T, g1 = P^T G, g2 = W3^T (G W1^T), W_j -= lr g_j.
Usage: numerics_gd_numpy.py problem.json warmup steps rounds
Prints one JSON object: {"numpy": version, "blas": name, "steps_per_second": [...], "final_loss": float}.
"""
import json
import sys
import time

import numpy as np


def main():
    path, warmup, steps, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
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

    for _ in range(warmup):
        step()
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(steps):
            step()
        rates.append(steps / (time.perf_counter() - start))
    # The loss after warmup + rounds*steps updates, for the agreement check with the C# run.
    loss = step()
    # The BLAS actually loaded (Debian picks it through alternatives): the mapped shared objects say which.
    blas = "unknown"
    try:
        with open("/proc/self/maps") as maps:
            libs = sorted({line.split()[-1].rsplit("/", 1)[-1] for line in maps if "openblas" in line.lower() and ".so" in line})
        blas = ", ".join(libs) or blas
    except OSError:
        pass
    print(json.dumps({"numpy": np.__version__, "blas": blas, "steps_per_second": rates, "final_loss": loss}))


if __name__ == "__main__":
    main()
