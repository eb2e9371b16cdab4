"""SciPy peer of the `numerics-sigma-ode` benchmark: the singular-value ODE of M4 with scipy's solve_ivp (RK45).

System (k singular values, depth N, commuting loss L = 1/2 sum_r (sigma_r - s_r)^2, so <G, u_r v_r^T> = sigma_r - s_r):
    sigma_r' = -N (sigma_r^2)^(1 - 1/N) (sigma_r - s_r)
Usage: numerics_sigma_scipy.py problem.json repetitions
(problem.json: depth, targets s_r, sigma0, t1, rtol, atol). Prints one JSON object:
{"scipy": version, "seconds": [...], "steps": accepted steps (nfev/6 approx), "nfev": int, "final": [...]}.
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.integrate import solve_ivp


def main():
    path, reps = sys.argv[1], int(sys.argv[2])
    with open(path) as f:
        p = json.load(f)
    n = p["depth"]
    s = np.array(p["targets"], dtype=np.float64)
    y0 = np.array(p["sigma0"], dtype=np.float64)
    power = 1.0 - 1.0 / n

    def rhs(t, y):
        return -n * (y * y) ** power * (y - s)

    seconds, sol = [], None
    for _ in range(reps):
        start = time.perf_counter()
        sol = solve_ivp(rhs, (0.0, p["t1"]), y0, method="RK45", rtol=p["rtol"], atol=p["atol"])
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"scipy": scipy.__version__, "seconds": seconds, "nfev": int(sol.nfev),
                      "steps": int(len(sol.t) - 1), "status": int(sol.status), "final": sol.y[:, -1].tolist()}))


if __name__ == "__main__":
    main()
