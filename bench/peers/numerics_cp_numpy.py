"""NumPy peer of the `numerics-cp` benchmark: plain GD on CP tensor completion (E3: 10x10x10x10, 2,000 observed,
R = 1,000 components, MSE loss).

Reads the problem written by the C# side (JSON: sizes, indices (|Omega| x N), targets, c, lr, factors A_n row-major
n_n x R), then serves commands on stdin so the two sides can alternate rounds under the same background load:
    "steps K"  run K GD steps, answer {"steps_per_second": rate}
    "loss"     answer {"loss": loss at the current iterate}
    "info"     answer {"numpy": version, "blas": loaded OpenBLAS library}
Each step is vectorised the way a NumPy user writes it: gather each mode's factor rows per observation
(|Omega| x R), products over the modes (prefix and suffix products, so no division), the prediction as a row sum,
and the gradients scattered back with one matmul per mode (a one-hot n_n x |Omega| matrix times the
|Omega| x R contributions).
Usage: numerics_cp_numpy.py problem.json
"""
import json
import sys

import numpy as np

from peer_server import serve


def main():
    with open(sys.argv[1]) as f:
        p = json.load(f)
    sizes = p["sizes"]
    order = len(sizes)
    idx = np.array(p["indices"], dtype=np.intp)
    b = np.array(p["targets"], dtype=np.float64)
    c, lr = p["c"], p["lr"]
    R = p["components"]
    A = [np.array(a, dtype=np.float64).reshape(n, R) for a, n in zip(p["factors"], sizes)]
    # One-hot scatter matrices S_n (n_n x |Omega|): S_n @ X adds row e of X into row idx[e, n].
    S = [(np.arange(n)[:, None] == idx[:, k][None, :]).astype(np.float64) for k, n in enumerate(sizes)]

    def step():
        rows = [A[k][idx[:, k]] for k in range(order)]
        prefix = [np.ones_like(rows[0])]
        for k in range(order - 1):
            prefix.append(prefix[-1] * rows[k])
        suffix = np.ones_like(rows[0])
        full = prefix[-1] * rows[-1]
        r = full.sum(axis=1) - b
        w = (2 * c * r)[:, None]
        grads = [None] * order
        for k in range(order - 1, -1, -1):
            grads[k] = S[k] @ (w * prefix[k] * suffix)
            suffix = suffix * rows[k]
        for k in range(order):
            A[k] -= lr * grads[k]
        return c * float(r @ r)

    def loss():
        rows = [A[k][idx[:, k]] for k in range(order)]
        full = rows[0]
        for k in range(1, order):
            full = full * rows[k]
        r = full.sum(axis=1) - b
        return c * float(r @ r)

    serve(step, loss)


if __name__ == "__main__":
    main()
