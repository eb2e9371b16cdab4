#!/usr/bin/env bash
# Installs every native dependency of ImplicitReg.Verify and restores the .NET packages.
# Idempotent: safe to run again; it installs only what is missing.
set -euo pipefail

apt_packages=(
  libz3-4 libz3-dev   # the Z3 library, called in-process (Solver layer)
  z3 cvc5             # command-line solvers for --cross-check replays
  libopenblas0-pthread   # OpenBLAS: the simulators' dense products (cblas_dgemm), and NumPy's BLAS
  python3-numpy python3-scipy python3-sympy   # peers for benchmarks (Debian's python3; SymPy for the balancedness ones)
  form                # FORM 4.3, peer of the balancedness-text benchmark
  chromium            # headless browser that the report test opens report.html in (PuppeteerSharp, no download)
  slurm-wlm munge     # a local single-node Slurm for the scale-out test (daemons are started by the test, not by apt)
)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "setup: native packages already installed"
fi

cd "$(dirname "$0")/.."
dotnet restore ImplicitReg.Verify.sln --verbosity quiet
echo "setup: done"
