#!/usr/bin/env bash
# JMH benchmarks (docs/performance.md); arguments go to JMH, e.g.
#   bench/jmh.sh -p size=org-5k DecisionBenchmark.provisionProduct
#   bench/jmh.sh -wi 2 -w 15s -i 4 -r 15s -rf json -rff target/jmh.json
# Builds target/bench/benchmarks.jar with the bench profile unless SKIP_BUILD is set.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -Pbench package -Dmaven.test.skip=true
exec java -jar target/bench/benchmarks.jar "$@"
