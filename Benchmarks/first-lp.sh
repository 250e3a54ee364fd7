#!/usr/bin/env bash
# The first LP of a generated park, lp_solve against HiGHS on the same model, one run each:
# for each N, `generate --companies N --exchanges 6N --facilities 4 --years 15 --seed 1`, its
# economic model exported as LP text and MPS (`export --objective economic`), the LP relaxation
# (integrality dropped) solved by lp_solve 5.5 through a small C driver with the library's
# defaults (Benchmarks/first-lp/first-lp.c) and by HiGHS (highspy, simplex, one thread).
# Prints a markdown table: rows, columns, nonzeros, seconds and iterations of each, the ratio,
# and whether the optima agree. The two solvers run one after the other, never side by side.
#   Benchmarks/first-lp.sh [sizes...]                 (default 25 50 100 200)
#   EXPERIMENTS=1 Benchmarks/first-lp.sh 100          also the experiments of docs/performance.md
#                                                     ("The first LP against HiGHS, 25 to 500
#                                                     companies"): sifting, cumulative build columns
#                                                     (first-lp/cumulative.py), lp_solve settings
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${*:-25 50 100 200}
B=${SYMBIOSIS:-.build/release/symbiosis}
[ -n "${SYMBIOSIS:-}" ] || swift build -c release >/dev/null
DIR=$(mktemp -d); trap 'rm -rf "$DIR"' EXIT
cc -O2 -o "$DIR/first-lp" Benchmarks/first-lp/first-lp.c -llpsolve55 -lcolamd -lm -ldl
field() { sed -E "s/(^|.* )$1 ([^ ;]+).*/\2/"; }
echo "| N | rows | columns | nonzeros | lp_solve s | lp_solve iterations | HiGHS s | HiGHS iterations | lp_solve / HiGHS | optimum (M USD) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for N in $SIZES; do
  P=$DIR/park-$N.yaml
  "$B" generate --companies "$N" --exchanges $((6 * N)) --facilities 4 --years 15 --seed 1 --output "$P" 2>/dev/null
  "$B" export "$P" --objective economic --lp "$DIR/park-$N.lp" --mps "$DIR/park-$N.mps" >/dev/null 2>&1
  line=$("$DIR/first-lp" "$DIR/park-$N.lp" | tail -1)
  highs=$(python3 - "$DIR/park-$N.mps" <<'PY'
import sys, time, highspy
h = highspy.Highs()
h.setOptionValue("output_flag", False); h.setOptionValue("threads", 1); h.setOptionValue("solver", "simplex")
h.readModel(sys.argv[1]); h.setOptionValue("solve_relaxation", True)
t = time.perf_counter(); h.run(); t = time.perf_counter() - t
info = h.getInfo()
print(f"{t:.2f}", info.simplex_iteration_count, f"{info.objective_function_value:.8f}", len(h.getLp().a_matrix_.index_))
PY
)
  read -r hs hi hobj nz <<< "$(echo "$highs" | tail -1)"
  ls=$(echo "$line" | field seconds); li=$(echo "$line" | field iterations); lobj=$(echo "$line" | field objective)
  same=$(python3 -c "print('same' if abs($lobj - $hobj) <= 1e-6 * max(1, abs($hobj)) else 'DIFFER: $lobj vs $hobj')")
  ratio=$(python3 -c "print(f'{$ls / max($hs, 1e-3):.0f}×')")
  echo "| $N | $(echo "$line" | field rows) | $(echo "$line" | field columns) | $nz | $ls | $li | $hs | $hi | $ratio | $hobj ($same) |"
  if [ -n "${EXPERIMENTS:-}" ]; then
    echo; echo "N = $N, sifting (3,000 columns a round):"; "$DIR/first-lp" "$DIR/park-$N.lp" --sifting 3000 | sed 's/^/    /'
    python3 Benchmarks/first-lp/cumulative.py "$DIR/park-$N.lp" "$DIR/cumulative-$N.lp"
    echo "N = $N, cumulative build columns:"; "$DIR/first-lp" "$DIR/cumulative-$N.lp" | sed 's/^/    /'
    # pivoting=18: Devex with PRICE_PARTIAL (lp_solve 5.5.2.5 ends with a segmentation fault at 25 and 50 companies)
    for setting in antidegen=0 antidegen=549 scaling=4 pivoting=18; do
      echo "N = $N, $setting:"
      { "$DIR/first-lp" "$DIR/park-$N.lp" $setting || echo "exit status $?"; } 2>&1 | sed 's/^/    /'
    done
    echo
  fi
done
