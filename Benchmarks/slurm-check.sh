#!/bin/bash
# Runs the documented Slurm array jobs on a real scheduler: a single-node Slurm cluster
# (slurmctld + slurmd on localhost, Debian's slurm-wlm with munge), first the Monte Carlo of
# docs/examples/simulate-slurm.sh, then the Sobol study of docs/examples/sensitivity-slurm.sh,
# then the policy comparison of docs/examples/compare-slurm.sh, and checks that each merged
# result is byte for byte the result of one machine.
#
#   Benchmarks/slurm-check.sh                      # tiny.yaml, 3 shards, 3,000 samples; Sobol N = 32, 3 parameters;
#                                                  # compare of 3 options with 400 samples each
#   SCENARIO=Scenarios/hiep-phuoc.yaml SHARDS=4 SAMPLES=2000 Benchmarks/slurm-check.sh
#   SOBOL_SAMPLES=64 SOBOL_PARAMS="discount_rate=0.06:0.12 carbon_price=0:40" Benchmarks/slurm-check.sh
#
# Needs root (or sudo) to install slurm-wlm and munge and to start the daemons. Leaves no daemon
# running: the cluster lives in a temporary folder and is stopped on exit. Uses SYMBIOSIS_BIN (a
# folder holding `symbiosis`), else .build/release, else .build/debug, else builds release.
# Exit 0 when the bytes match, 1 when they differ or a job fails, 77 when no cluster could be
# started on this machine (nothing was checked; .ci/run says so).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export SCENARIO=${SCENARIO:-Scenarios/tiny.yaml}
export SHARDS=${SHARDS:-3}
export SAMPLES=${SAMPLES:-3000}
export POLICY=${POLICY:-legal_reform}
SOBOL_SAMPLES=${SOBOL_SAMPLES:-32}
SOBOL_PARAMS=${SOBOL_PARAMS:-"resources.clinker.price=30:70 resources.fly_ash.disposal_cost=5:40 exchanges.ash_to_cement.capex=500000:2000000"}
COMPARE_POLICIES=${COMPARE_POLICIES:-baseline,legal_reform,legal_reform+green_credit}
COMPARE_SAMPLES=${COMPARE_SAMPLES:-400}
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    echo "== installing slurm-wlm and munge"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >/dev/null \
        || { echo "SKIPPED: slurm-wlm and munge could not be installed; nothing checked"; exit 77; }
fi
if [ -n "${SYMBIOSIS_BIN:-}" ]; then BIN=$(cd "$SYMBIOSIS_BIN" && pwd)
elif [ -x .build/release/symbiosis ]; then BIN="$ROOT/.build/release"
elif [ -x .build/debug/symbiosis ]; then BIN="$ROOT/.build/debug"
else
    echo "== building symbiosis (release)"
    swift build -c release --product symbiosis >/dev/null
    BIN="$ROOT/.build/release"
fi
echo "== using $BIN/symbiosis"

WORK=$(mktemp -d /tmp/symbiosis-slurm.XXXXXX)
cleanup() {
    [ -f "$WORK/slurmd.pid" ] && $SUDO kill "$(cat "$WORK/slurmd.pid")" 2>/dev/null || true
    [ -f "$WORK/slurmctld.pid" ] && $SUDO kill "$(cat "$WORK/slurmctld.pid")" 2>/dev/null || true
    [ -f "$WORK/munged.pid" ] && $SUDO kill "$(cat "$WORK/munged.pid")" 2>/dev/null || true
}
trap cleanup EXIT

echo "== starting a single-node cluster in $WORK"
# munge: a fresh key and socket of our own, so that a munged already running is left alone.
mkdir -p "$WORK/munge" "$WORK/spool" "$WORK/state" "$WORK/job"
$SUDO dd if=/dev/urandom of="$WORK/munge/munge.key" bs=1024 count=1 status=none
$SUDO chmod 700 "$WORK/munge"; $SUDO chmod 400 "$WORK/munge/munge.key"
no_cluster() { echo "SKIPPED: $1; no Slurm cluster on this machine, nothing checked"; tail -n 5 "$WORK"/*.log "$WORK"/munge/*.log 2>/dev/null || true; exit 77; }
$SUDO munged --force --key-file="$WORK/munge/munge.key" --socket="$WORK/munge/socket" \
    --pid-file="$WORK/munged.pid" --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/seed" || no_cluster "munged did not start"
CPUS=$(nproc)
MEMORY=$(awk '/MemTotal/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)
cat > "$WORK/slurm.conf" <<EOF
ClusterName=symbiosis-check
SlurmctldHost=localhost
SlurmUser=$(id -un)
AuthType=auth/munge
AuthInfo=socket=$WORK/munge/socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmdSpoolDir=$WORK/spool
StateSaveLocation=$WORK/state
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
SlurmctldPort=6917
SlurmdPort=6918
NodeName=localhost CPUs=$CPUS RealMemory=$MEMORY State=UNKNOWN
PartitionName=check Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$WORK/slurm.conf"
$SUDO env SLURM_CONF="$SLURM_CONF" slurmctld -c || no_cluster "slurmctld did not start"
$SUDO env SLURM_CONF="$SLURM_CONF" slurmd -c || no_cluster "slurmd did not start"
for _ in $(seq 1 30); do
    state=$(sinfo -h -o %T 2>/dev/null || true)
    [ "$state" = idle ] && break
    sleep 1
done
sinfo
[ "$(sinfo -h -o %T 2>/dev/null)" = idle ] || no_cluster "the node did not come up"

echo "== submitting docs/examples/simulate-slurm.sh: $SCENARIO ($POLICY), $SHARDS shards, $SAMPLES samples"
cd "$WORK/job"
export PATH="$BIN:$PATH" SCENARIO="$ROOT/$SCENARIO"
bash "$ROOT/docs/examples/simulate-slurm.sh"
# Wait for the array and the merge job to leave the queue.
wait_for_queue() {
    for _ in $(seq 1 600); do
        [ -z "$(squeue -h 2>/dev/null)" ] && return 0
        sleep 1
    done
    echo "FAILED: jobs still queued after 10 minutes"; squeue; exit 1
}
wait_for_queue
[ -f risk.json ] || { echo "FAILED: the merge job wrote no risk.json"; tail -n 20 logs/*.out; exit 1; }
sacct >/dev/null 2>&1 || true
echo "== jobs run:"
sacct -X -n -o JobID,JobName%20,State,Elapsed 2>/dev/null || squeue -h -t all 2>/dev/null || true
tail -n 3 logs/*.out
ls -l parts risk.json

echo "== one machine: the same samples"
symbiosis simulate "$SCENARIO" --policy "$POLICY" --design parts/design.json --samples "$SAMPLES" \
    --format json --output single.json
if cmp -s risk.json single.json; then
    echo "OK: the merged result of $SHARDS Slurm shards equals one machine's, byte for byte ($(wc -c < risk.json) bytes)"
else
    echo "DIFFERENT: merged risk.json and single.json"; diff <(tr ',' '\n' < risk.json) <(tr ',' '\n' < single.json) | head -20
    exit 1
fi

echo "== submitting docs/examples/sensitivity-slurm.sh: Sobol study of $SCENARIO ($POLICY), $SHARDS shards, N = $SOBOL_SAMPLES"
mkdir -p "$WORK/sobol"
cd "$WORK/sobol"
PARAMS="$SOBOL_PARAMS" METHOD=sobol SAMPLES="$SOBOL_SAMPLES" bash "$ROOT/docs/examples/sensitivity-slurm.sh"
wait_for_queue
[ -f sobol.json ] || { echo "FAILED: the merge job wrote no sobol.json"; tail -n 20 logs/*.out; exit 1; }
echo "== jobs run:"
sacct -X -n -o JobID,JobName%20,State,Elapsed 2>/dev/null | tail -n "$((SHARDS + 1))" || true
tail -n 3 logs/*.out
ls -l sobol-parts sobol.json sobol.svg

echo "== one machine: the same study"
SINGLE_ARGS=(--method sobol --samples "$SOBOL_SAMPLES" --policy "$POLICY")
for p in $SOBOL_PARAMS; do SINGLE_ARGS+=(--param "$p"); done
symbiosis sensitivity "$SCENARIO" "${SINGLE_ARGS[@]}" --format json --output single.json --chart single.svg
if cmp -s sobol.json single.json && cmp -s sobol.svg single.svg; then
    echo "OK: the merged Sobol study of $SHARDS Slurm shards equals one machine's, byte for byte ($(wc -c < sobol.json) bytes of JSON, $(wc -c < sobol.svg) of chart)"
else
    echo "DIFFERENT: merged sobol.json/sobol.svg and single.json/single.svg"; diff <(tr ',' '\n' < sobol.json) <(tr ',' '\n' < single.json) | head -20
    exit 1
fi

echo "== submitting docs/examples/compare-slurm.sh: $SCENARIO, options $COMPARE_POLICIES, $SHARDS shards, $COMPARE_SAMPLES samples"
mkdir -p "$WORK/compare"
cd "$WORK/compare"
POLICIES="$COMPARE_POLICIES" SAMPLES="$COMPARE_SAMPLES" bash "$ROOT/docs/examples/compare-slurm.sh"
wait_for_queue
[ -f report.html ] || { echo "FAILED: the merge job wrote no report.html"; tail -n 20 logs/*.out; exit 1; }
echo "== jobs run:"
sacct -X -n -o JobID,JobName%20,State,Elapsed 2>/dev/null | tail -n "$((SHARDS + 1))" || true
tail -n 3 logs/*.out
ls -l compare-parts report.html compare.json tables

echo "== one machine: the same comparison"
mkdir -p single
symbiosis compare "$SCENARIO" --policies "$COMPARE_POLICIES" --samples "$COMPARE_SAMPLES" \
    --report single/report.html --csv single/tables --format json --output single/compare.json
if cmp -s report.html single/report.html && cmp -s compare.json single/compare.json && diff -r tables single/tables >/dev/null; then
    echo "OK: the merged comparison of $SHARDS Slurm shards equals one machine's, byte for byte ($(wc -c < report.html) bytes of report, $(wc -c < compare.json) of JSON, $(ls tables | wc -l) CSV tables)"
else
    echo "DIFFERENT: merged report.html/compare.json/tables and single/"; diff <(tr ',' '\n' < compare.json) <(tr ',' '\n' < single/compare.json) | head -20
    exit 1
fi
