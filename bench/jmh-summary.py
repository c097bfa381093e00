#!/usr/bin/env python3
"""A markdown table of JMH sample-time or single-shot results: p50 and p99 over all samples, the range of the
per-iteration means (how much runs moved on a shared machine), and the sample count.

    bench/jmh-summary.py RESULT.json [RESULT.json ...]
"""
import json
import sys

def fmt(us):
    return f"{us / 1000:.1f} ms" if us >= 1000 else f"{us:.1f} µs"

print("| benchmark | engine | size | p50 | p99 | iteration means (min–max) | samples |")
print("|---|---|---|---|---|---|---|")
for path in sys.argv[1:]:
    for r in json.load(open(path)):
        m = r["primaryMetric"]
        if m["scoreUnit"] != "us/op":
            raise SystemExit(f"{path}: expected us/op, got {m['scoreUnit']}")
        pct = m["scorePercentiles"]
        hist = m.get("rawDataHistogram")
        means, samples = [], 0
        if hist:  # sample time: per iteration, a histogram of [value, count]
            for fork in hist:
                for it in fork:
                    count = sum(n for v, n in it)
                    if count:
                        means.append(sum(v * n for v, n in it) / count)
                    samples += count
        else:  # single shot: per fork, one value per iteration
            for fork in m.get("rawData", []):
                means.extend(fork)
                samples += len(fork)
        p = r.get("params", {})
        name = r["benchmark"].rsplit(".", 1)[-1]
        rng = f"{fmt(min(means))}–{fmt(max(means))}" if means else "?"
        print(f"| {name} | {p.get('engine', '')} | {p.get('size', '')} | {fmt(pct['50.0'])} | {fmt(pct['99.0'])} "
              f"| {rng} | {samples} |")
