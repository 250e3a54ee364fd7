#!/bin/bash
# Monte Carlo of the Hiep Phuoc design as a Slurm array job: 8 shards, then one merge.
#
#   sbatch docs/examples/simulate-slurm.sh          # submits the array and the merge after it
#
# Every shard draws its own samples from the seed (sample index = the random counter), so the
# merged result is byte for byte the result of one machine running all 100,000 samples.
#SBATCH --job-name=symbiosis-mc
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --time=00:30:00
#SBATCH --output=logs/mc-%a.out
#
# SCENARIO, POLICY, SHARDS and SAMPLES may be set in the environment (Benchmarks/slurm-check.sh
# runs this file on a single-node cluster with a small study and compares the bytes).
set -euo pipefail
SCENARIO=${SCENARIO:-Scenarios/hiep-phuoc.yaml}
SHARDS=${SHARDS:-8}
SAMPLES=${SAMPLES:-100000}
POLICY_ARGS=()
[ -n "${POLICY:-}" ] && POLICY_ARGS=(--policy "$POLICY")
mkdir -p parts logs

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
    # Not inside the array: solve the design once, submit the array, then the merge.
    symbiosis solve "$SCENARIO" "${POLICY_ARGS[@]}" --format json --output parts/design.json
    array=$(sbatch --parsable --array=1-"$SHARDS" "$0")
    echo "Submitted array job $array ($SHARDS shards)"
    merge=$(sbatch --parsable --dependency=afterok:"$array" --output=logs/merge.out --wrap \
        "symbiosis merge parts/part-*.json --format json --output risk.json && symbiosis merge parts/part-*.json")
    echo "Submitted merge job $merge after $array"
    exit 0
fi

symbiosis simulate "$SCENARIO" "${POLICY_ARGS[@]}" --design parts/design.json --samples "$SAMPLES" --threads "$SLURM_CPUS_PER_TASK" \
    --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" --output "parts/part-$SLURM_ARRAY_TASK_ID.json"
