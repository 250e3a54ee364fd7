#!/usr/bin/env bash
# Solve time of each policy of a scenario with lp_solve (release build) against HiGHS on the
# exported model, in one run. Usage: [SEARCH=best-bound|lp-solve] Benchmarks/solve-policies.sh [SCENARIO] [TIME_LIMIT_S]
# SEARCH picks the branch and bound (`--search`, default best-bound); THREADS its threads
# (default 1); the baseline comes first.
# Prints one Markdown table row per policy: status, lp_solve seconds, nodes, final gap,
# root LP relaxation, HiGHS objective and seconds, lp_solve/HiGHS time ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-Scenarios/hiep-phuoc.yaml}
limit=${2:-60}
search=${SEARCH:-best-bound}
threads=${THREADS:-1}
bin=.build/release/symbiosis
[ -x "$bin" ] || swift build -c release >/dev/null
highs=../shared/tools/highs-check
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
policies=$(python3 -c "import yaml,sys; print(' '.join(yaml.safe_load(open(sys.argv[1]))['policies']))" "$scenario")
echo "| policy | status | lp_solve s | nodes | gap | mip_objective | root LP | HiGHS objective | HiGHS s | ratio |"
echo "|---|---|---|---|---|---|---|---|---|---|"
case " $policies " in *" baseline "*) all=$policies ;; *) all="baseline $policies" ;; esac
for p in $all; do
  if [ "$p" = baseline ]; then policy=(); else policy=(--policy "$p"); fi
  "$bin" solve "$scenario" "${policy[@]}" --search "$search" --threads "$threads" --format json --time-limit "$limit" > "$tmp/r.json" 2>/dev/null || true
  "$bin" export "$scenario" "${policy[@]}" --search "$search" --threads "$threads" --mps "$tmp/m.mps" --time-limit "$limit" 2>/dev/null
  h=$("$highs" "$tmp/m.mps" --time-limit 300 | tail -1)
  python3 - "$p" "$tmp/r.json" "$h" <<'PY'
import json, sys
p, path, h = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
r = json.load(open(path)); s = r["solver"]
fmt = lambda x: "-" if x is None else f"{x:.6g}"
ratio = s["seconds"] / max(h["seconds"], 1e-3)
print(f"| {p} | {r['status']} | {s['seconds']:.2f} | {s['nodes']} | {fmt(r.get('gap'))} | {fmt(r.get('mip_objective'))} "
      f"| {fmt(r.get('root_relaxation'))} | {fmt(h['objective'])} | {h['seconds']:.2f} | {ratio:.1f} |")
PY
done
