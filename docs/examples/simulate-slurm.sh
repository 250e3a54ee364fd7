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
set -euo pipefail
SCENARIO=Scenarios/hiep-phuoc.yaml
SHARDS=8
SAMPLES=100000
mkdir -p parts logs

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
    # Not inside the array: solve the design once, submit the array, then the merge.
    symbiosis solve "$SCENARIO" --format json --output parts/design.json
    array=$(sbatch --parsable "$0")
    sbatch --dependency=afterok:"$array" --wrap \
        "symbiosis merge parts/part-*.json --format json --output risk.json && symbiosis merge parts/part-*.json"
    exit 0
fi

symbiosis simulate "$SCENARIO" --design parts/design.json --samples "$SAMPLES" --threads "$SLURM_CPUS_PER_TASK" \
    --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" --output "parts/part-$SLURM_ARRAY_TASK_ID.json"
