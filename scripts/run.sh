#!/usr/bin/env bash
# Installs what is missing (lp_solve from Debian, HiGHS for the independent checks), builds
# Symbiosis in release mode and solves the bundled Hiep Phuoc scenario.
# Usage: scripts/run.sh [extra arguments for `symbiosis solve`]
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! dpkg -s liblpsolve55-dev >/dev/null 2>&1; then
  echo "== installing lp_solve 5.5 (liblpsolve55-dev)"
  as_root apt-get update -qq
  as_root apt-get install -y -qq liblpsolve55-dev
fi
if ! python3 -c "import highspy" >/dev/null 2>&1; then
  echo "== installing HiGHS (pip highspy) for the independent checks"
  python3 -m pip install -q highspy || echo "   (highspy not installed: the HiGHS cross-check tests will be skipped)"
fi

echo "== building"
swift build -c release
echo "== solving Scenarios/hiep-phuoc.yaml"
.build/release/symbiosis solve Scenarios/hiep-phuoc.yaml "$@"
