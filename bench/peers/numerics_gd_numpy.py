"""NumPy peer of the `numerics-gd` benchmark: plain GD on depth-3 100x100 matrix completion (E1).

Reads the problem written by the C# side (JSON: n, rows, cols, targets, c, lr, layers W1..W3 row-major), then
serves commands on stdin so the two sides can alternate rounds under the same background load:
    "steps K"  run K GD steps, answer {"steps_per_second": rate}
    "loss"     answer {"loss": loss at the current iterate}
    "info"     answer {"numpy": version, "blas": loaded OpenBLAS library}
Each step is the idiomatic dense NumPy loop (products reused, 6 matrix products on OpenBLAS):
    P = W3 W2, Q = W2 W1, W = P W1, r = W[Omega] - b, G = 2c r on Omega (dense, zero elsewhere),
    g3 = G Q^T, g1 = P^T G, g2 = W3^T (G W1^T), W_j -= lr g_j.
Usage: numerics_gd_numpy.py problem.json
"""
import json
import sys
import time

import numpy as np


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

    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "steps":
            count = int(words[1])
            start = time.perf_counter()
            for _ in range(count):
                step()
            answer = {"steps_per_second": count / (time.perf_counter() - start)}
        elif words[0] == "loss":
            answer = {"loss": loss()}
        elif words[0] == "info":
            answer = {"numpy": np.__version__, "blas": blas_name()}
        else:
            answer = {"error": f"unknown command {words[0]}"}
        print(json.dumps(answer), flush=True)


def blas_name():
    # The BLAS actually loaded (Debian picks it through alternatives): the mapped shared objects say which, and
    # OpenBLAS itself reports its kernels and threads.
    try:
        with open("/proc/self/maps") as maps:
            libs = sorted({line.split()[-1] for line in maps if "openblas" in line.lower() and ".so" in line})
    except OSError:
        return "unknown"
    names = ", ".join(lib.rsplit("/", 1)[-1] for lib in libs) or "unknown"
    try:
        import ctypes
        lib = ctypes.CDLL(next(lib for lib in libs if "libopenblas" in lib))
        lib.openblas_get_corename.restype = ctypes.c_char_p
        return f"{names} ({lib.openblas_get_corename().decode()} kernels, {lib.openblas_get_num_threads()} threads)"
    except (OSError, StopIteration, AttributeError):
        return names


if __name__ == "__main__":
    main()
