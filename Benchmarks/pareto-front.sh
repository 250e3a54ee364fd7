#!/usr/bin/env bash
# Wall time and solve counts of a Pareto front (release build), with the machine's load.
# Usage: Benchmarks/pareto-front.sh [SCENARIO] [OBJECTIVES] [POINTS] [TIME_LIMIT_S] [THREADS]
# Prints the wall time, the status, the MIP solves (grid levels, payoff table, neighbourhood
# searches), what the bypass and the early exit saved, and one line per point.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-Scenarios/hiep-phuoc.yaml}
objectives=${2:-economic,environmental}
points=${3:-21}
limit=${4:-300}
threads=${5:-$(nproc)}
bin=.build/release/symbiosis
[ -x "$bin" ] || swift build -c release >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
"$bin" pareto "$scenario" --objectives "$objectives" --points "$points" --time-limit "$limit" --threads "$threads" \
  --progress --timings --format json --output "$tmp/front.json" 2> "$tmp/progress.txt" || true
end=$(date +%s.%N)
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$tmp/progress.txt"
python3 - "$tmp/front.json" "$start" "$end" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); s = r["statistics"]
print(f"wall {float(sys.argv[3]) - float(sys.argv[2]):.1f} s, status {r['status']}, threads {r['solver']['threads']}")
print(f"grid levels {s['grid_levels']}: {s['mip_solves']} MIP solves, bypassed {s['bypassed']}, "
      f"skipped as infeasible {s['skipped_infeasible']} (saved {s['solves_saved']}), not proven {s['not_proven']}, "
      f"unsolved {s['unsolved_levels']}; payoff table {s['payoff_solves']} solves, "
      f"neighbourhood searches {s['neighbourhood_solves']}")
for p in r["points"]:
    t = "; ".join(f"{x['ratio']:.2f} {x['unit']} to #{x['next_point']}" for x in p["trade_offs"])
    print(f"  #{p['index']}: NPV {p['npv']:,.0f}, CO2e {p['co2e_avoided']:,.0f} t, jobs {p['jobs_fte_years']:g}, "
          f"proven {p['proven']}, {len(p['exchanges_built'])} links + {len(p['facilities_built'])} facilities; {t}")
PY
