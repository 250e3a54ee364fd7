#!/usr/bin/env bash
# Installs what is missing (lp_solve from Debian, HiGHS for the independent checks), builds
# Symbiosis in release mode, and compares the board's policy options on the bundled Hiep Phuoc
# scenario: the report for the board is written to report/hiep-phuoc.html (and .md, tables/).
# Usage: scripts/run.sh [extra arguments for `symbiosis compare`, e.g. --lang vi]
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
echo "== comparing the policy options of Scenarios/hiep-phuoc.yaml (about a minute on 2 cores)"
mkdir -p report
.build/release/symbiosis compare Scenarios/hiep-phuoc.yaml --time-limit 60 \
  --report report/hiep-phuoc.html --markdown report/hiep-phuoc.md --csv report/tables "$@"
echo "== the board report: $(pwd)/report/hiep-phuoc.html (Markdown: report/hiep-phuoc.md, CSV: report/tables/)"
