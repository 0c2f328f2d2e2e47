#!/usr/bin/env python3
"""Two commands run in alternation, for the ratio of their wall times on a busy host.

    bench/alternate.py RUNS 'COMMAND A' 'COMMAND B'

Runs each command twice to warm it, then RUNS pairs, A then B, the order swapped every
other pair. Prints, tab-separated: the median over the pairs of A's wall time over B's, then
A's and B's median wall times in seconds. A ratio taken within a pair, from runs a few
milliseconds apart, holds when the host's speed drifts between hyperfine's blocks of runs
(one command's 20 runs, then the other's)."""
import shlex
import statistics
import subprocess
import sys
import time


def wall(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    runs = int(sys.argv[1])
    a, b = shlex.split(sys.argv[2]), shlex.split(sys.argv[3])
    for _ in range(2):
        wall(a)
        wall(b)
    ratios, walls_a, walls_b = [], [], []
    for i in range(runs):
        if i % 2 == 0:
            wa, wb = wall(a), wall(b)
        else:
            wb, wa = wall(b), wall(a)
        ratios.append(wa / wb)
        walls_a.append(wa)
        walls_b.append(wb)
    print(f"{statistics.median(ratios):.4f}\t{statistics.median(walls_a):.6f}\t{statistics.median(walls_b):.6f}")


if __name__ == "__main__":
    main()
