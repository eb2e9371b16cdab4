#!/usr/bin/env bash
# Runs a side-by-side benchmark against its peer in one run: bench/run.sh <name>|all [options]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project bench/ImplicitReg.Bench -c Release -- "$@"
