#!/usr/bin/env bash
# Soak: N minutes (default 10) of mixed load on loopback against a live server with a fresh data
# directory, one wrk run per minute; after each minute: throughput, latency percentiles, non-2xx count,
# heap used after a full GC, journal and catalog version. Prints a markdown table (docs/reliability.md).
#   bench/soak.sh [minutes] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
conns=${2:-16}
warmup=${SOAK_WARMUP_SECONDS:-60}
slice=${SOAK_SLICE_SECONDS:-60}
port=${SOAK_PORT:-18300}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
[ -f target/catalog-policy.jar ] || mvn -q -B package -DskipTests
data=$(mktemp -d)
log=$(mktemp)
java -Xmx1g -jar target/catalog-policy.jar serve --port "$port" --data "$data" --no-watch > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 1; done
curl -sf "localhost:$port/health" >/dev/null || { cat "$log"; exit 1; }
echo "warm-up $warmup s ..." >&2
wrk -t2 -c"$conns" -d${warmup}s -s bench/soak/mixed.lua "http://127.0.0.1:$port" >/dev/null
heap() { jcmd "$pid" GC.run >/dev/null; jcmd "$pid" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}'; }
echo "| minute | req/s | p50 | p90 | p99 | max | non-2xx | heap used after GC | journal bytes | catalog version |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for m in $(seq 1 "$minutes"); do
  out=$(wrk -t2 -c"$conns" -d${slice}s --latency -s bench/soak/mixed.lua "http://127.0.0.1:$port")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p90=$(awk '$1=="90%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  max=$(awk '/Latency/ && !/Distribution/ {print $4; exit}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out"); non2xx=${non2xx:-0}
  metrics=$(curl -s "localhost:$port/metrics")
  jb=$(awk '/^catalogpolicy_journal_bytes/ {printf "%d", $2}' <<<"$metrics")
  cv=$(awk '/^catalogpolicy_catalog_version/ {printf "%d", $2}' <<<"$metrics")
  echo "| $m | $rps | $p50 | $p90 | $p99 | $max | $non2xx | $(heap) | $jb | $cv |"
done
dropped=$(curl -s "localhost:$port/metrics" | awk '/^catalogpolicy_decision_log_dropped_total/ {print $2}')
echo
echo "decision log lines dropped: $dropped; server log warnings/errors: $(grep -cE 'WARN|ERROR' "$log" || true)"
