#!/bin/bash
# A Sobol study of the Hiep Phuoc park as a Slurm array job: 8 shards of its evaluation points,
# then one merge.
#
#   sbatch docs/examples/sensitivity-slurm.sh       # submits the array and the merge after it
#
# Every shard evaluates a contiguous run of the study's N x (D + 2) points (which ones follow
# from the study's settings alone), so the merged result is byte for byte the result of one
# machine evaluating them all. Each shard also solves the base scenario once, for the objective
# weights every evaluation uses; merge refuses parts whose weights, scenario or settings differ.
#SBATCH --job-name=symbiosis-sobol
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
#SBATCH --output=logs/sobol-%a.out
#
# SCENARIO, POLICY, SHARDS, METHOD and SAMPLES may be set in the environment
# (Benchmarks/slurm-check.sh runs this file on a single-node cluster with a small study and
# compares the bytes). PARAMS lists the parameters ("key.path=low:high ..."); set it empty to
# use the scenario's `sensitivity:` block instead.
set -euo pipefail
SCENARIO=${SCENARIO:-Scenarios/hiep-phuoc.yaml}
SHARDS=${SHARDS:-8}
METHOD=${METHOD:-sobol}
SAMPLES=${SAMPLES:-1024}
EXTRA=()
[ -n "${POLICY:-}" ] && EXTRA+=(--policy "$POLICY")
PARAMS=${PARAMS-"discount_rate=0.06:0.12 carbon_price=0:40 resources.clinker.price=35:55 resources.fly_ash.disposal_cost=5:20"}
for p in $PARAMS; do EXTRA+=(--param "$p"); done
[ "$METHOD" = sobol ] && EXTRA+=(--samples "$SAMPLES")
mkdir -p sobol-parts logs

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
    # Not inside the array: submit the array, then the merge after it.
    array=$(sbatch --parsable --array=1-"$SHARDS" "$0")
    echo "Submitted array job $array ($SHARDS shards)"
    merge=$(sbatch --parsable --dependency=afterok:"$array" --output=logs/sobol-merge.out --wrap \
        "symbiosis merge sobol-parts/part-*.json --format json --output sobol.json --chart sobol.svg --scenario \"$SCENARIO\" && symbiosis merge sobol-parts/part-*.json")
    echo "Submitted merge job $merge after $array"
    exit 0
fi

symbiosis sensitivity "$SCENARIO" --method "$METHOD" "${EXTRA[@]}" --threads "$SLURM_CPUS_PER_TASK" \
    --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" --output "sobol-parts/part-$SLURM_ARRAY_TASK_ID.json"
