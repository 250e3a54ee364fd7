#!/bin/bash
# The board's comparison of every policy option of the Hiep Phuoc park as a Slurm array job:
# 4 shards of the options, then one merge that writes the report.
#
#   sbatch docs/examples/compare-slurm.sh           # submits the array and the merge after it
#
# The comparison's items are its options in order, then the status quo's payoff table (the
# ranking's scales); shard K solves and simulates the K-th contiguous run of them (which ones
# follow from --policies alone). The merge loads the scenario file again, checks it is the one
# the parts were computed on, judges every option against the one status quo and writes the
# report, the Markdown, the CSV tables and the printed result byte for byte as one machine.
#SBATCH --job-name=symbiosis-compare
#SBATCH --array=1-4
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
#SBATCH --output=logs/compare-%a.out
#
# SCENARIO, POLICIES, SHARDS and SAMPLES may be set in the environment (Benchmarks/slurm-check.sh
# runs this file on a single-node cluster with a small comparison and compares the bytes).
set -euo pipefail
SCENARIO=${SCENARIO:-Scenarios/hiep-phuoc.yaml}
POLICIES=${POLICIES:-all}
SHARDS=${SHARDS:-4}
SAMPLES=${SAMPLES:-2000}
mkdir -p compare-parts logs

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
    # Not inside the array: submit the array, then the merge after it.
    array=$(sbatch --parsable --array=1-"$SHARDS" "$0")
    echo "Submitted array job $array ($SHARDS shards)"
    merge=$(sbatch --parsable --dependency=afterok:"$array" --output=logs/compare-merge.out --wrap \
        "symbiosis merge compare-parts/part-*.json --scenario \"$SCENARIO\" --report report.html --csv tables --format json --output compare.json")
    echo "Submitted merge job $merge after $array"
    exit 0
fi

symbiosis compare "$SCENARIO" --policies "$POLICIES" --samples "$SAMPLES" --threads "$SLURM_CPUS_PER_TASK" \
    --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" --output "compare-parts/part-$SLURM_ARRAY_TASK_ID.json"
