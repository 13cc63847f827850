#!/usr/bin/env python3
"""Renders a JMH JSON result (-rf json) as the Markdown tables of docs/benchmarks.md.

One row per benchmark and parameter set: mean with JMH's 99.9% error, the median and range of
every measured iteration, and each fork's mean, so a bimodal or drifting fork shows. With
--ratio-to TARGET, a last column gives each mean as a multiple of the same benchmark's mean for
param target=TARGET in the same file.

    python3 benchmarks/jmh-table.py result.json [--ratio-to plain]
"""
import json
import statistics
import sys


def fmt(x):
    return f"{x:.3g}" if x >= 100 else f"{x:.2f}"


def main(path, ratio_to=None):
    with open(path) as f:
        runs = json.load(f)
    means = {}
    for run in runs:
        params = run.get("params", {})
        means[(run["benchmark"], params.get("target"))] = run["primaryMetric"]["score"]
    header = "| benchmark | params | mean ± error (µs/op) | median | range | per fork |"
    rule = "| --- | --- | --- | --- | --- | --- |"
    if ratio_to:
        header += f" x {ratio_to} |"
        rule += " --- |"
    print(header)
    print(rule)
    for run in runs:
        metric = run["primaryMetric"]
        forks = metric["rawData"]
        every = [x for fork in forks for x in fork]
        name = run["benchmark"].rsplit(".", 1)[-1]
        params = ", ".join(f"{k}={v}" for k, v in run.get("params", {}).items())
        row = (f"| {name} | {params} | {fmt(metric['score'])} ± {fmt(metric['scoreError'])} "
               f"| {fmt(statistics.median(every))} | {fmt(min(every))}–{fmt(max(every))} "
               f"| {' / '.join(fmt(statistics.mean(fork)) for fork in forks)} |")
        if ratio_to:
            base = means.get((run["benchmark"], ratio_to))
            row += f" {metric['score'] / base:.2f} |" if base else " |"
        print(row)


if __name__ == "__main__":
    args = sys.argv[1:]
    target = None
    if "--ratio-to" in args:
        i = args.index("--ratio-to")
        target = args[i + 1]
        del args[i:i + 2]
    main(args[0], target)
