"""The command loop every NumPy peer of a side-by-side benchmark serves, and the BLAS it reports.

A peer reads one command per line on stdin and answers each with one line of JSON, so the C# side can alternate
rounds with it under the same background load: "steps K" (take K steps, answer steps_per_second), "loss" (the
current loss) and "info" (NumPy's version and the BLAS actually loaded).
"""
import json
import sys
import time

import numpy as np


def serve(step, loss):
    """Answers the benchmark's commands until stdin closes; step() takes one step, loss() returns the loss."""
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
            libs = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and ".so" in line})
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
