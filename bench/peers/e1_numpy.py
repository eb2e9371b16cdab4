"""NumPy peer of the `e1-loop` and `e2-loop` benchmarks: the descent loop of deep matrix factorization.

Reads the problem written by the C# side (JSON: dims d0..dN, rows, cols, targets, c, optimizer {name, lr, eps,
decay}, layers W1..WN row-major, W_j of shape dims[j] x dims[j-1]) and serves the commands of the numerics peers on
stdin ("steps K", "loss", "info"; one JSON line each) so both sides alternate rounds under the same load.
One step, as idiomatic dense NumPy on OpenBLAS: prefix/suffix products of the layers, the end-to-end W, the residual
on Omega, G = 2c r scattered into a dense matrix, grad_j = (W_N..W_(j+1))^T G (W_(j-1)..W_1)^T, then either plain GD
or group RMSprop exactly as the authors run it (one scalar state for all parameters, bias-corrected, eps added after
the square root): v = a v + (1 - a) sum |g|^2, eta = lr / (sqrt(v / (1 - a^k)) + eps), W_j -= eta g_j.
Usage: e1_numpy.py problem.json
"""
import json
import sys

import numpy as np

import peer_server


class DmfLoop:
    def __init__(self, p):
        dims = p["dims"]
        self.rows = np.array(p["rows"], dtype=np.intp)
        self.cols = np.array(p["cols"], dtype=np.intp)
        self.b = np.array(p["targets"], dtype=np.float64)
        self.c = p["c"]
        opt = p["optimizer"]
        self.rmsprop = opt["name"] == "group-rmsprop"
        self.lr, self.eps, self.decay = opt["lr"], opt.get("eps", 0.0), opt.get("decay", 0.99)
        self.v, self.k = 0.0, 0
        self.W = [np.array(w, dtype=np.float64).reshape(dims[j + 1], dims[j]) for j, w in enumerate(p["layers"])]
        self.G = np.zeros((dims[-1], dims[0]))

    def step(self):
        W, n = self.W, len(self.W)
        # right[j] = W_(j-1) .. W_1 (identity for j = 0), left[j] = W_N .. W_(j+1) (identity for j = n-1)
        right = [None] * n
        acc = None
        for j in range(n):
            right[j] = acc
            acc = W[j] if acc is None else W[j] @ acc
        end_to_end = acc
        left = [None] * n
        acc = None
        for j in range(n - 1, -1, -1):
            left[j] = acc
            acc = W[j] if acc is None else acc @ W[j]
        r = end_to_end[self.rows, self.cols] - self.b
        self.G[self.rows, self.cols] = 2 * self.c * r
        grads = []
        for j in range(n):
            g = self.G if left[j] is None else left[j].T @ self.G
            grads.append(g if right[j] is None else g @ right[j].T)
        if self.rmsprop:
            self.k += 1
            self.v = self.decay * self.v + (1 - self.decay) * sum(float(np.vdot(g, g)) for g in grads)
            eta = self.lr / (np.sqrt(self.v / (1 - self.decay ** self.k)) + self.eps)
        else:
            eta = self.lr
        for j in range(n):
            W[j] -= eta * grads[j]
        return self.c * float(r @ r)

    def loss(self):
        acc = self.W[0]
        for w in self.W[1:]:
            acc = w @ acc
        r = acc[self.rows, self.cols] - self.b
        return self.c * float(r @ r)


def serve(loop):
    """Serves the benchmark's commands for a loop object with step() and loss()."""
    peer_server.serve(loop.step, loop.loss)


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        serve(DmfLoop(json.load(f)))
