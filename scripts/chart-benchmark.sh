#!/bin/sh
# Times drawing the charts with 1,000,000 values (release build of GroupingCharts alone).
# Usage: scripts/chart-benchmark.sh   (needs swiftc and libcairo2-dev; ~30 s to compile)
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
swiftc -O -module-name ChartBenchmark -I "$root/Sources/CCairo" \
    $(find "$root/Sources/GroupingCharts" -name '*.swift') "$root/scripts/chart-benchmark/main.swift" \
    -lcairo -o "$out/chart-benchmark"
"$out/chart-benchmark"
rm -rf "$out"
