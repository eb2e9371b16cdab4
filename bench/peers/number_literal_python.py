"""Python peer of the `number-literal` benchmark: CPython's int() on the same decimal literals.

Usage: number_literal_python.py digits-file reps
(digits-file: one line per literal, the digits only). Prints one JSON object:
{"python": version, "seconds": [[...per rep] per literal], "mod": [value mod 1000000007 per literal]}.
CPython before 3.12 converts decimal strings to int in quadratic time; the limit on digits is lifted for this run.
"""
import json
import sys
import time


def main():
    path, reps = sys.argv[1], int(sys.argv[2])
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    with open(path) as f:
        literals = [line.strip() for line in f if line.strip()]
    seconds, mods = [], []
    for text in literals:
        times, value = [], None
        for _ in range(reps):
            start = time.perf_counter()
            value = int(text)
            times.append(time.perf_counter() - start)
        seconds.append(times)
        mods.append(value % 1000000007)
    print(json.dumps({"python": sys.version.split()[0], "seconds": seconds, "mod": mods}))


if __name__ == "__main__":
    main()
