#!/usr/bin/env bash
# Sensitivity studies of hiep-phuoc (today's rules) with and without the reuse of work
# (`--no-warm-start`: every evaluation from scratch), release build, wall time of the whole
# command (its base solve included) and evaluations per second. Each pair's outputs must be
# byte-identical; the script stops otherwise.
#   Benchmarks/sensitivity-reuse.sh [threads]
set -euo pipefail
cd "$(dirname "$0")/.."
T=${1:-1}
swift build -c release >/dev/null
B=.build/release/symbiosis
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
# Six parameters, three of which the model under today's rules does not use (the fly-ash fee,
# the clinker price and the ash link's capex: fly ash as material is forbidden).
SIX="--param resources.fly_ash.disposal_cost=5:20 --param resources.clinker.price=35:60 \
  --param resources.steam.price=18:32 --param discount_rate=0.06:0.12 \
  --param exchanges.ash_power_to_hp_cement.capex=1000000:2000000 \
  --param resources.organic_waste.disposal_cost=10:40"
# Four parameters the model uses, all of them.
FOUR="--param resources.steam.price=18:32 --param discount_rate=0.06:0.12 \
  --param resources.organic_waste.disposal_cost=10:40 --param resources.wastewater.disposal_cost=0.3:0.9"
run() { # name evaluations args...
  local name=$1 evaluations=$2; shift 2
  printf '%-34s %6s' "$name" "$evaluations"
  for mode in cold warm; do
    local flag=""; [ "$mode" = cold ] && flag="--no-warm-start"
    local start end
    start=$(date +%s.%N)
    $B sensitivity Scenarios/hiep-phuoc.yaml "$@" --threads "$T" $flag --no-history --format csv \
      >"$OUT/$mode.csv" 2>"$OUT/$mode.err"
    end=$(date +%s.%N)
    python3 -c "import sys; s=$end-$start; print(f' {s:8.1f} s {$evaluations/s:6.2f}/s', end='')"
  done
  cmp -s "$OUT/cold.csv" "$OUT/warm.csv" || { echo; echo "outputs differ: $name"; exit 1; }
  echo "   same bytes; $(tail -1 "$OUT/warm.err" | sed 's/^note: //')"
}
echo "threads: $T; columns: evaluations, from scratch (s, evaluations/s), reusing work (s, evaluations/s)"
run "tornado, 6 parameters" 13 --method tornado $SIX
run "Morris r = 6, 6 parameters" 42 --method morris --trajectories 6 $SIX
run "Sobol N = 16, 4 parameters used" 96 --method sobol --samples 16 $FOUR
run "Sobol N = 16, 6 parameters" 128 --method sobol --samples 16 $SIX
