"""NumPy peer of the `e3-loop` benchmark: the descent loop of CP tensor completion (E3).

Reads the problem written by the C# side (JSON: sizes n_1..n_N, indices (one list of N coordinates per observed
entry), targets, c, optimizer {name, lr, eps, decay}, factors F_1..F_N row-major, F_n of shape n_n x R with column r
the mode-n vector of component r) and serves "steps K", "loss", "info" on stdin like the other peers.
One step, vectorised over entries and components, in preallocated arrays: P_n = F_n[i_n] (|Omega| x R), prediction = sum_r prod_n P_n,
residual r, then grad F_n = E_n^T (2c r * prod_(m != n) P_m), with E_n the |Omega| x n_n one-hot matrix of the mode-n
coordinates (a BLAS product instead of a scatter-add loop); group RMSprop as in e1_numpy.py.
Usage: e3_numpy.py problem.json
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e1_numpy import serve  # noqa: E402


class CpLoop:
    def __init__(self, p):
        sizes = p["sizes"]
        idx = np.array(p["indices"], dtype=np.intp)
        self.idx = [idx[:, n] for n in range(len(sizes))]
        self.onehot = [np.eye(size)[self.idx[n]] for n, size in enumerate(sizes)]
        self.b = np.array(p["targets"], dtype=np.float64)
        self.c = p["c"]
        opt = p["optimizer"]
        self.rmsprop = opt["name"] == "group-rmsprop"
        self.lr, self.eps, self.decay = opt["lr"], opt.get("eps", 0.0), opt.get("decay", 0.99)
        self.v, self.k = 0.0, 0
        self.F = [np.array(f, dtype=np.float64).reshape(size, -1) for f, size in zip(p["factors"], sizes)]
        shape = (len(self.b), self.F[0].shape[1])
        self.rows = [np.empty(shape) for _ in sizes]
        self.prefix = [np.ones(shape)] + [np.empty(shape) for _ in sizes]
        self.suffix = np.empty(shape)
        self.tmp = np.empty(shape)

    def step(self):
        # Preallocated |Omega| x R work arrays, written in place (out=): fresh 16 MB temporaries per operation would
        # cost page faults that dominate the arithmetic.
        rows, prefix, suffix, tmp = self.rows, self.prefix, self.suffix, self.tmp
        order = len(rows)
        for n in range(order):
            np.take(self.F[n], self.idx[n], axis=0, out=rows[n])
            np.multiply(prefix[n], rows[n], out=prefix[n + 1])
        r = prefix[order].sum(axis=1) - self.b
        weight = (2 * self.c * r)[:, None]
        grads = [None] * order
        suffix.fill(1.0)
        for n in range(order - 1, -1, -1):
            np.multiply(prefix[n], suffix, out=tmp)
            tmp *= weight
            grads[n] = self.onehot[n].T @ tmp
            if n > 0:
                suffix *= rows[n]
        if self.rmsprop:
            self.k += 1
            self.v = self.decay * self.v + (1 - self.decay) * sum(float(np.vdot(g, g)) for g in grads)
            eta = self.lr / (np.sqrt(self.v / (1 - self.decay ** self.k)) + self.eps)
        else:
            eta = self.lr
        for f, g in zip(self.F, grads):
            f -= eta * g
        return self.c * float(r @ r)

    def loss(self):
        prod = np.ones_like(self.F[0][self.idx[0]])
        for f, i in zip(self.F, self.idx):
            prod = prod * f[i]
        r = prod.sum(axis=1) - self.b
        return self.c * float(r @ r)


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        serve(CpLoop(json.load(f)))
