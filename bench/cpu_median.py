#!/usr/bin/env python3
"""cpu_median.py RUNS CMD...: runs CMD RUNS times (its output discarded)
and prints the median CPU time (user + system) of the whole process, in
nanoseconds, as the kernel counts it for the finished child. CPU time,
not wall time, so that other work on a shared machine does not count.
Exits 1 with CMD's message when a run fails."""
import os
import resource
import subprocess
import sys


def main():
    runs = int(sys.argv[1])
    cmd = sys.argv[2:]
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            sys.stderr.write("cpu_median: failed: %s\n%s" % (" ".join(cmd), done.stderr.decode()))
            sys.exit(1)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        times.append(used)
    times.sort()
    print("%d" % round(times[(runs - 1) // 2] * 1e9))


if __name__ == "__main__":
    sys.exit(main())
