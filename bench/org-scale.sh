#!/usr/bin/env bash
# Load time, heap after load, propagation of one product removal, rule rebuild time and a loop of
# launch decisions, per generated size (docs/performance.md). One JVM per size.
# Settings (environment): SIZES ("org-1k org-5k org-20k"), REPEAT (5), LAUNCHES (100), HEAP (8g),
# OUT (target/bench-results), SKIP_BUILD (unset), JAVA_OPTS (extra JVM options, e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"org-1k org-5k org-20k"} REPEAT=${REPEAT:-5} LAUNCHES=${LAUNCHES:-100} HEAP=${HEAP:-8g}
OUT=${OUT:-target/bench-results}
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -Pbench package -Dmaven.test.skip=true
mkdir -p "$OUT"
for size in $SIZES; do
  echo "== $size" >&2
  # shellcheck disable=SC2086
  java -Xms2g -Xmx"$HEAP" -XX:+UseG1GC -Dcatalogpolicy.maxEvaluationSeconds=600 ${JAVA_OPTS:-} \
    -cp target/bench/benchmarks.jar dev.catalogpolicy.bench.OrgScale --size "$size" --repeat "$REPEAT" \
    --launches "$LAUNCHES" | tee "$OUT/org-scale-$size.txt"
done
