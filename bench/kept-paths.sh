#!/usr/bin/env bash
# Launch paths kept between calls (docs/performance.md, "Latest"): an org-5k server without replica,
# heap after start; then CALLS distinct dry-run launches (wrk, one connection, DURATION) so the session
# keeps their paths, heap again; then the org-wide removal of the product held by most portfolios, as a
# dry run REPEAT times and applied once, timed over HTTP with those paths kept. Needs wrk.
# Settings (environment): SIZE (org-5k), CALLS (20000), DURATION (60s), REPEAT (7), PORT (8284),
# OUT (target/kept-paths), SKIP_BUILD (unset).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${SIZE:-org-5k} CALLS=${CALLS:-20000} DURATION=${DURATION:-60s} REPEAT=${REPEAT:-7} PORT=${PORT:-8284}
OUT=${OUT:-target/kept-paths}
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q package -DskipTests
mkdir -p "$OUT"; rm -rf "$OUT/data"
java -jar target/catalog-policy.jar generate --size "$SIZE" --seed 1 --out "$OUT/catalog.json" \
  --calls "$OUT/calls.jsonl" --call-count "$CALLS"
java -Xms1g -Xmx8g -jar target/catalog-policy.jar serve --port "$PORT" --no-watch --catalog "$OUT/catalog.json" \
  --data "$OUT/data" --read-replicas 0 >"$OUT/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -fs "localhost:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
heap() { jcmd $server GC.run >/dev/null; jcmd $server GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") print $(i+1); exit }'; }
echo "heap after start: $(heap)"
wrk -t1 -c1 -d"$DURATION" -s bench/wrk/load.lua "http://127.0.0.1:$PORT/v1/calls" -- post "$OUT/calls.jsonl" | tail -1
echo "heap with the paths of $CALLS calls kept: $(heap)"
product=$(python3 -c "
import json, collections
d = json.load(open('$OUT/catalog.json'))
c = collections.Counter(pp['product'] for pp in d['portfolioProducts'])
print(max(sorted(c), key=lambda k: c[k]))")
echo "calls about $product: $(grep -c "\"ProductId\":\"$product\"" "$OUT/calls.jsonl")"
body() {
  echo "{\"call\":\"DisassociateProductFromPortfolio\",\"caller\":{\"account\":\"100000000000\",\"region\":\"us-east-1\"},\"input\":{\"ProductId\":\"$product\",\"PortfolioId\":\"port-hub-000\"},\"dryRun\":$1}"
}
for _ in $(seq 1 "$REPEAT"); do
  curl -s -o "$OUT/removal.json" -w "dry run %{time_total}s\n" -H 'Content-Type: application/json' -d "$(body true)" "localhost:$PORT/v1/calls"
done
curl -s -o "$OUT/removal.json" -w "applied %{time_total}s\n" -H 'Content-Type: application/json' -d "$(body false)" "localhost:$PORT/v1/calls"
python3 -c "import json; d = json.load(open('$OUT/removal.json')); print(d['decision'], len(d['effects']), 'effects')"
