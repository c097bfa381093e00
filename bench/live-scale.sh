#!/usr/bin/env bash
# The live catalog per generated size (docs/performance.md, "Growth with accounts (now)"): open time,
# heap, dry-run launches, the org-wide product removal (dry run, ExplainImpact, applied), AuditCatalog, an account
# moved and removed, Organizations access disabled, the org-wide share deleted, one JVM per
# size. Settings (environment): SIZES ("org-1k org-5k org-20k"), LAUNCHES (50000), REPLICAS (0),
# HEAP (12g), OUT (target/bench-results), SKIP_BUILD (unset), JAVA_OPTS (extra JVM options).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"org-1k org-5k org-20k"} LAUNCHES=${LAUNCHES:-50000} REPLICAS=${REPLICAS:-0} HEAP=${HEAP:-12g}
OUT=${OUT:-target/bench-results}
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -Pbench package -Dmaven.test.skip=true
mkdir -p "$OUT"
for size in $SIZES; do
  echo "== $size" >&2
  # shellcheck disable=SC2086
  java -Xms2g -Xmx"$HEAP" -Dcatalogpolicy.maxEvaluationSeconds=600 ${JAVA_OPTS:-} \
    -cp target/bench/benchmarks.jar dev.catalogpolicy.bench.LiveScale "$size" "$LAUNCHES" "$REPLICAS" \
    | tee "$OUT/live-scale-$size.txt"
done
