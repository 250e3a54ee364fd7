#!/usr/bin/env bash
# Installs what is missing (lp_solve, zlib and SQLite headers from Debian, HiGHS for the independent checks), builds
# Symbiosis in release mode, and compares the board's policy options on the bundled Hiep Phuoc
# scenario: the report for the board is written to report/hiep-phuoc.html (and .md, tables/).
# Usage: scripts/run.sh [extra arguments for `symbiosis compare`, e.g. --lang vi]
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# lp_solve 5.5 (the solver), zlib (ZIPFoundation: .xlsx workbooks) and SQLite's headers (GRDB: the
# run history), from Debian.
missing=()
for package in liblpsolve55-dev zlib1g-dev libsqlite3-dev; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing ${missing[*]}"
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${missing[@]}"
fi
if ! python3 -c "import highspy" >/dev/null 2>&1; then
  echo "== installing HiGHS (pip highspy) for the independent checks"
  python3 -m pip install -q highspy || echo "   (highspy not installed: the HiGHS cross-check tests will be skipped)"
fi

echo "== building"
swift build -c release
echo "== comparing the policy options of Scenarios/hiep-phuoc.yaml (under two minutes on 2 cores)"
mkdir -p report
.build/release/symbiosis compare Scenarios/hiep-phuoc.yaml --time-limit 60 \
  --report report/hiep-phuoc.html --markdown report/hiep-phuoc.md --csv report/tables "$@"
echo "== the board report: $(pwd)/report/hiep-phuoc.html (Markdown: report/hiep-phuoc.md, CSV: report/tables/)"
