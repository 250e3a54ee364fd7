#!/usr/bin/env bash
# How the default weighted run grows with the park: for each N, a generated park of N companies
# and 6N candidate links (4 facilities, 15 years, seed 1), the weighted `solve` (payoff table,
# then the weighted model) under a time limit and a requested gap, its wall time, peak memory
# (/usr/bin/time -v), status and proven gap; then the final model as `export` writes it, solved
# by HiGHS (one thread) under the same limit and gap. Writes OUT/scaling.md (a markdown table),
# OUT/scaling.tsv and OUT/scaling.svg (log-log chart of wall time and peak memory against N).
#   Benchmarks/scaling.sh [time-limit-seconds] [sizes...]      e.g. Benchmarks/scaling.sh 60 25 50 100
#   GAP=0.005 OUT=scaling-out Benchmarks/scaling.sh 60          (defaults: gap 0.005, sizes 25 50 100 200 300 500)
# Note: `export` solves its own payoff table under the same limit; where a payoff row stopped at
# the limit its normalization may differ from the one `solve` used (docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT=${1:-60}; shift || true
SIZES=${*:-25 50 100 200 300 500}
GAP=${GAP:-0.005}
OUT=${OUT:-scaling-out}
B=${SYMBIOSIS:-.build/release/symbiosis}
[ -n "${SYMBIOSIS:-}" ] || swift build -c release >/dev/null
HIGHS=${HIGHS:-../shared/tools/highs-check}
mkdir -p "$OUT"
DIR=$(mktemp -d); trap 'rm -rf "$DIR"' EXIT
TSV=$OUT/scaling.tsv
printf 'N\tlinks\trows\tcolumns\tbinaries\twall_s\tpeak_mb\tstatus\tgap\tobjective\tpayoff\thighs_s\thighs_status\thighs_objective\thighs_peak_mb\tload\n' > "$TSV"
for N in $SIZES; do
  P=$DIR/park-$N.yaml
  "$B" generate --companies "$N" --exchanges $((6 * N)) --facilities 4 --years 15 --seed 1 --output "$P"
  links=$(grep -c '^  link_' "$P" || true)
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$DIR/time-$N" "$B" solve "$P" --time-limit "$LIMIT" --gap "$GAP" --no-history \
    --format json --output "$DIR/solve-$N.json" >/dev/null 2>"$DIR/solve-$N.err" || true
  wall=$(python3 - "$DIR/time-$N" <<'PY'
import sys
for line in open(sys.argv[1]):
    if "Elapsed (wall clock)" in line:
        parts = [float(x) for x in line.rsplit(" ", 1)[1].split(":")]
        s = 0.0
        for x in parts: s = s * 60 + x
        print(f"{s:.1f}")
PY
)
  peak=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$DIR/time-$N")
  read -r rows cols bins status gap obj approx < <(python3 - "$DIR/solve-$N.json" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception:
    print("n/a n/a n/a failed n/a n/a n/a"); sys.exit()
s = d.get("solver", {})
fmt = lambda x: "n/a" if x is None else f"{x:.6g}"
gap = d.get("gap")
print(s.get("rows", "n/a"), s.get("columns", "n/a"), s.get("binaries", "n/a"), d.get("status", "n/a").replace(" ", "_"),
      "n/a" if gap is None else f"{100 * gap:.3g}%", fmt(d.get("mip_objective")),
      ("approximate" if d.get("payoff_approximate") else "exact") + "," + d.get("objective_used", "n/a").replace(" ", "_"))
PY
)
  hs="n/a n/a n/a"; hpeak=n/a
  if "$B" export "$P" --time-limit "$LIMIT" --mps "$DIR/park-$N.mps" >/dev/null 2>&1; then
    h=$( { /usr/bin/time -v -o "$DIR/htime-$N" timeout $((LIMIT * 3 + 60)) "$HIGHS" "$DIR/park-$N.mps" --time-limit "$LIMIT" --gap "$GAP" 2>/dev/null | grep '^{' | tail -1; } || true)
    hs=$(echo "${h:-{\}}" | python3 -c '
import json, sys
d = json.loads(sys.stdin.read() or "{}")
print("%.1f" % d["seconds"] if "seconds" in d else "n/a", d.get("status", "n/a").replace(" ", "_"), "%.6g" % d["objective"] if "objective" in d else "n/a")')
    hpeak=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$DIR/htime-$N" 2>/dev/null || echo n/a)
  fi
  read -r hsec hstatus hobj <<< "$hs"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$N" "$links" "$rows" "$cols" "$bins" "$wall" "$peak" \
    "$status" "$gap" "$obj" "$approx" "$hsec" "$hstatus" "$hobj" "$hpeak" "$load" >> "$TSV"
  tail -1 "$TSV" >&2
done
python3 Benchmarks/scaling-chart.py "$TSV" "$OUT/scaling.svg" > "$OUT/scaling.md"
cat "$OUT/scaling.md"
