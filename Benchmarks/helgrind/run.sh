#!/usr/bin/env bash
# Runs lpsolve_threads.c under valgrind's helgrind, with the global lock (default) or without (LOCK=0).
set -euo pipefail
cd "$(dirname "$0")"
gcc -g -O1 -pthread lpsolve_threads.c -o /tmp/lpsolve_threads -llpsolve55 -lcolamd -lm -ldl
valgrind --tool=helgrind /tmp/lpsolve_threads 2>&1 | grep -E "ERROR SUMMARY|Possible data race|thread [0-9]:" | sort | uniq -c
