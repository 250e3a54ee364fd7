#!/usr/bin/env bash
# The scaling ladder: synthetic parks of N = 10, 25, 50, 100, 200 companies (6N candidate
# links, 4 facilities, 15 years), economic objective. For each rung: model size, export time
# (scenario load + formulation + MPS write), lp_solve time and gap under a time limit, root LP
# relaxation, HiGHS on the exported MPS, Monte Carlo throughput with 1 and 2 threads, peak memory.
#   Benchmarks/ladder.sh [time-limit-seconds] [rungs...]     e.g. Benchmarks/ladder.sh 60 10 25 50
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT=${1:-60}; shift || true
RUNGS=${*:-10 25 50 100 200}
swift build -c release >/dev/null
B=.build/release/symbiosis
DIR=$(mktemp -d)
echo "| N | links | rows | columns | binaries | export s | lp_solve s | status | gap | root LP | objective | HiGHS s | HiGHS objective | ratio | MC sample-years/s 1 thr | 2 thr | peak MB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for N in $RUNGS; do
  P=$DIR/park-$N.yaml
  $B generate --companies "$N" --exchanges $((6 * N)) --facilities 4 --years 15 --seed 1 --output "$P"
  links=$(grep -c '^  link_' "$P")
  t0=$(date +%s.%N)
  $B export "$P" --objective economic --mps "$DIR/park-$N.mps" >/dev/null
  export_s=$(echo "$(date +%s.%N) - $t0" | bc)
  /usr/bin/time -f "%M" -o "$DIR/mem-$N" $B solve "$P" --objective economic --time-limit "$LIMIT" --format json --output "$DIR/solve-$N.json" || true
  read -r rows cols bins secs status gap root obj < <(python3 - "$DIR/solve-$N.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); s = d["solver"]
fmt = lambda x: "n/a" if x is None else f"{x:.6g}"
print(s["rows"], s["columns"], s["binaries"], f'{s["seconds"]:.2f}', d["status"], fmt(d.get("gap")), fmt(d.get("root_relaxation")), fmt(d.get("mip_objective")))
PY
)
  highs=$(timeout $((LIMIT + 30)) ../shared/tools/highs-check "$DIR/park-$N.mps" --time-limit "$LIMIT" 2>/dev/null | grep '^{' | tail -1 || echo '{}')
  hs=$(echo "$highs" | python3 -c '
import json, sys
d = json.loads(sys.stdin.read() or "{}")
print("%.2f" % d.get("seconds", float("nan")), d.get("objective", "n/a"), d.get("status", "n/a"))')
  read -r highs_s highs_obj highs_status <<< "$hs"
  ratio=$(python3 -c 'import sys; a, b = sys.argv[1], sys.argv[2]; print("n/a" if b in ("nan", "0.00") else "%.1f" % (float(a) / float(b)))' "$secs" "$highs_s")
  mc1=n/a; mc2=n/a
  if [ -s "$DIR/solve-$N.json" ] && grep -q '"exchanges"' "$DIR/solve-$N.json"; then
    for T in 1 2; do
      t0=$(date +%s.%N)
      $B simulate "$P" --design "$DIR/solve-$N.json" --samples 2000 --threads $T --format json >/dev/null
      rate=$(echo "2000 * 15 / ($(date +%s.%N) - $t0)" | bc)
      if [ $T = 1 ]; then mc1=$rate; else mc2=$rate; fi
    done
  fi
  mem=$(( $(tail -1 "$DIR/mem-$N") / 1024 ))
  echo "| $N | $links | $rows | $cols | $bins | $export_s | $secs | $status | $gap | $root | $obj | $highs_s ($highs_status) | $highs_obj | $ratio | $mc1 | $mc2 | $mem |"
done
rm -rf "$DIR"
