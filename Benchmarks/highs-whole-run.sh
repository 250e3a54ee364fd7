#!/usr/bin/env bash
# HiGHS on every MILP a weighted `solve` run solves: each objective alone (as `export
# --objective` writes it, without the payoff rows' small tie-break terms) and the final
# weighted model, with the times summed. Compare with the whole-run times of
# Benchmarks/solve-policies.sh.
#   Benchmarks/highs-whole-run.sh [SCENARIO] [POLICY...]   (default: every policy, baseline first)
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-Scenarios/hiep-phuoc.yaml}; shift || true
bin=.build/release/symbiosis
[ -x "$bin" ] || swift build -c release >/dev/null
highs=../shared/tools/highs-check
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if [ $# -gt 0 ]; then policies="$*"; else
  policies="baseline $(python3 -c "import yaml,sys; print(' '.join(p for p in yaml.safe_load(open(sys.argv[1]))['policies'] if p != 'baseline'))" "$scenario")"
fi
echo "| policy | HiGHS: economic + environmental + social + weighted | total |"
echo "|---|---|---|"
for p in $policies; do
  if [ "$p" = baseline ]; then policy=(); else policy=(--policy "$p"); fi
  parts=(); total=0
  for o in economic environmental social weighted; do
    if [ "$o" = weighted ]; then objective=(); else objective=(--objective "$o"); fi
    "$bin" export "$scenario" "${policy[@]}" "${objective[@]}" --mps "$tmp/m.mps" --time-limit 60 >/dev/null 2>&1
    s=$("$highs" "$tmp/m.mps" --time-limit 300 | tail -1 | python3 -c "import json,sys; print(f\"{json.load(sys.stdin)['seconds']:.2f}\")")
    parts+=("$s"); total=$(python3 -c "print(f'{$total + $s:.2f}')")
  done
  echo "| $p | ${parts[0]} + ${parts[1]} + ${parts[2]} + ${parts[3]} | $total s |"
done
