#!/usr/bin/env bash
# Monte Carlo throughput on hiep-phuoc: 10,000 samples x 15 years in fixed mode, 1 and 2
# threads, and the 2,048-evaluation Sobol study of tiny.yaml. Release build; the design is
# solved once and read from a file, so only the simulation is timed.
#   Benchmarks/simulate.sh [repeats]
set -euo pipefail
cd "$(dirname "$0")/.."
R=${1:-3}
swift build -c release >/dev/null
B=.build/release/symbiosis
DESIGN=$(mktemp --suffix=.json)
$B solve Scenarios/hiep-phuoc.yaml --format json --output "$DESIGN" --time-limit 120 >/dev/null || true
SIM="$B simulate Scenarios/hiep-phuoc.yaml --design $DESIGN --samples 10000 --format json"
SOBOL="$B sensitivity Scenarios/tiny.yaml --policy legal_reform --method sobol --samples 256 --format json \
  --param resources.clinker.price=30:70 --param resources.fly_ash.disposal_cost=5:40 \
  --param exchanges.ash_to_cement.capex=500000:2000000 --param discount_rate=0.04:0.12 \
  --param exchanges.ash_to_cement.unit_cost=2:20 --param companies.power_plant.growth=0:0.04"
python3 Benchmarks/bench.py --repeat "$R" --warmup 1 \
  "hiep-phuoc 10k samples, 1 thread" "$SIM --threads 1" \
  "hiep-phuoc 10k samples, 2 threads" "$SIM --threads 2" \
  "tiny Sobol 2,048 evaluations, 2 threads" "$SOBOL --threads 2"
rm -f "$DESIGN"
