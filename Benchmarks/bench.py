#!/usr/bin/env python3
"""Times commands with warm-up and repeats; prints median, spread and ratios to the first.

    Benchmarks/bench.py --repeat 5 --warmup 1 -- "label one" "cmd ..." "label two" "cmd ..."

Each command runs `--warmup` times untimed, then `--repeat` times timed (wall clock,
time.perf_counter). The table gives median, min, max and the interquartile range in seconds,
and each median as a ratio of the first command's, so that comparisons come from one run on
one machine (see docs/performance.md)."""
import argparse
import statistics
import subprocess
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("pairs", nargs="+", help="label command label command ...")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        sys.exit("give label/command pairs")
    rows = []
    for label, command in zip(args.pairs[::2], args.pairs[1::2]):
        for _ in range(args.warmup):
            subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        q = statistics.quantiles(times, n=4) if len(times) > 1 else [times[0]] * 3
        rows.append((label, statistics.median(times), min(times), max(times), q[2] - q[0]))
    first = rows[0][1]
    print("| case | median s | min s | max s | IQR s | ratio to first |")
    print("|---|---|---|---|---|---|")
    for label, median, low, high, iqr in rows:
        print(f"| {label} | {median:.3f} | {low:.3f} | {high:.3f} | {iqr:.3f} | {median / first:.2f} |")


if __name__ == "__main__":
    main()
