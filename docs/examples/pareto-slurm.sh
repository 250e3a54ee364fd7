#!/bin/bash
# The Hiep Phuoc park's economic–environmental Pareto front (21 ε levels) as a Slurm array job:
# 3 shards of the grid levels, then one merge that prints the front and draws its chart.
#
#   sbatch docs/examples/pareto-slurm.sh            # submits the array and the merge after it
#
# Every shard solves the payoff table (it sets the grid), then the K-th contiguous run of the
# grid levels (outer objectives slowest; which ones follow from --points and the payoff table
# alone). The merge loads the scenario file again, checks it is the one the parts were computed
# on, makes the front of every level's answer and writes it byte for byte as one machine.
#SBATCH --job-name=symbiosis-pareto
#SBATCH --array=1-3
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
#SBATCH --output=logs/pareto-%a.out
#
# SCENARIO, POLICY, OBJECTIVES, POINTS and SHARDS may be set in the environment.
set -euo pipefail
SCENARIO=${SCENARIO:-Scenarios/hiep-phuoc.yaml}
POLICY=${POLICY:-legal_reform}
OBJECTIVES=${OBJECTIVES:-economic,environmental}
POINTS=${POINTS:-21}
SHARDS=${SHARDS:-3}
mkdir -p pareto-parts logs

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
    # Not inside the array: submit the array, then the merge after it.
    array=$(sbatch --parsable --array=1-"$SHARDS" "$0")
    echo "Submitted array job $array ($SHARDS shards)"
    merge=$(sbatch --parsable --dependency=afterok:"$array" --output=logs/pareto-merge.out --wrap \
        "symbiosis merge pareto-parts/part-*.json --scenario \"$SCENARIO\" --format json --output front.json --chart front.svg")
    echo "Submitted merge job $merge after $array"
    exit 0
fi

symbiosis pareto "$SCENARIO" --policy "$POLICY" --objectives "$OBJECTIVES" --points "$POINTS" --threads "$SLURM_CPUS_PER_TASK" \
    --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" --output "pareto-parts/part-$SLURM_ARRAY_TASK_ID.json"
