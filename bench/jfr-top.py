#!/usr/bin/env python3
"""Where the time goes in a JFR recording: the methods most often on top of the stack (self) and the
methods most often anywhere on it (total), over execution samples whose stack contains FILTER.

    bench/jfr-top.py RECORDING.jfr [FILTER] [N]
"""
import collections
import re
import subprocess
import sys

def main():
    path = sys.argv[1]
    needle = sys.argv[2] if len(sys.argv) > 2 else ""
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", path],
                          check=True, capture_output=True, text=True).stdout
    self_count, total_count = collections.Counter(), collections.Counter()
    samples = 0
    for event in text.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w$.<>]+\([^)]*\))\s+line:", event, re.M)
        if not frames or (needle and not any(needle in f for f in frames)):
            continue
        samples += 1
        self_count[frames[0]] += 1
        for f in set(frames):
            total_count[f] += 1
    gc = subprocess.run(["jfr", "print", "--events", "jdk.GarbageCollection", path], check=True,
                        capture_output=True, text=True).stdout
    pauses = [float(m) for m in re.findall(r"sumOfPauses = ([\d.]+) ms", gc)]
    print(f"{samples} samples{' with ' + needle if needle else ''}; GC: {len(pauses)} collections, "
          f"{sum(pauses):.0f} ms of pauses")
    for title, counter in (("self", self_count), ("total", total_count)):
        print(f"\n-- top {n} by {title} --")
        for frame, c in counter.most_common(n):
            print(f"{100.0 * c / max(samples, 1):5.1f}%  {frame}")

if __name__ == "__main__":
    main()
