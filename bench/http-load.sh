#!/usr/bin/env bash
# HTTP load on loopback (docs/performance.md): starts the server on a generated catalog, then in the
# same run, REPEAT times: wrk against GET /health (the ceiling of this machine's HTTP stack) and
# against POST /v1/calls with dry-run ProvisionProduct calls spread over many accounts and principals,
# 2,000 bodies in turn (asked again: the server answers them from the answers it keeps), and the same
# bodies each with a provisioned product name never sent before (a new question every request); then a
# paced run at 80% of each measured decision rate for its p99 (load.lua's rate:R, a fixed schedule of
# requests that holds the rate). Needs wrk (apt-get install wrk).
#
# Afterwards, POST /v1/rules/reload RELOADS times for the rule reload time the server reports, each after
# an edit a policy author makes (one denial's message in launch.drl, changed and changed back: rules
# updated in place), then once after an edit to a derivation (loaded afresh). The server reads a copy of
# rules/ under $OUT/rules.
#
# Settings (environment): SIZE (org-5k), SEED (1), THREADS (2), CONNS (16: for /health),
# DECIDE_CONNS (CONNS: for decisions; an engine that needs seconds per decision drowns in 16 at once,
# use 2), GC_OPTS (-XX:MaxTenuringThreshold=1, the collector setting README recommends at organization
# scale; GC_OPTS= runs the JVM's defaults), JAVA_OPTS (more options for the server's JVM), WARMUP (30s), DURATION (30s), REPEAT (3), PORT (8282), HEAP (8g), OUT (target/http-load),
# REPLICAS (unset: the server's default, one read replica per core beyond the first; the run waits
# until /health reports them all built), SKIP_BUILD (unset). After each decision run the script waits until /health answers within 0.5 s
# again, so that requests still queued in the server do not count against the next /health run.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-org-5k} SEED=${SEED:-1} THREADS=${THREADS:-2} CONNS=${CONNS:-16}
WARMUP=${WARMUP:-30s} DURATION=${DURATION:-30s} REPEAT=${REPEAT:-3} PORT=${PORT:-8282} HEAP=${HEAP:-8g}
GC_OPTS=${GC_OPTS--XX:MaxTenuringThreshold=1}
OUT=${OUT:-target/http-load} RELOADS=${RELOADS:-5}
DECIDE_CONNS=${DECIDE_CONNS:-$CONNS}
LUA=bench/wrk/load.lua BASE="http://127.0.0.1:$PORT"
JAR=target/catalog-policy.jar

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q package -DskipTests
mkdir -p "$OUT"
log() { echo "[$(date +%T)] $*" >&2; }

log "generating $SIZE (seed $SEED)"
java -jar "$JAR" generate --size "$SIZE" --seed "$SEED" --out "$OUT/catalog.json" \
  --calls "$OUT/calls.jsonl" --call-count 2000

log "starting the server on $OUT/catalog.json"
started=$(date +%s.%N)
rm -rf "$OUT/data" "$OUT/rules"
cp -r rules "$OUT/rules"
# shellcheck disable=SC2046
java -Xms2g -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc.log":uptime $GC_OPTS ${JAVA_OPTS:-} -Dcatalogpolicy.maxEvaluationSeconds=600 -jar "$JAR" serve --port "$PORT" --no-watch \
  --rules "$OUT/rules" --catalog "$OUT/catalog.json" --data "$OUT/data" $([ -z "${REPLICAS:-}" ] || echo --read-replicas "$REPLICAS") \
  >"$OUT/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$OUT/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/health" >/dev/null || { echo "server not healthy after 300 s" >&2; exit 1; }
ready=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
sessions() { curl -fs "$BASE/health" | sed -n 's/.*"sessions":{"ready":\([0-9]*\),"wanted":\([0-9]*\)}.*/\1 \2/p'; }
await_sessions() { # until every read replica wanted is built (at most 300 s)
  for _ in $(seq 1 600); do
    read -r have want <<<"$(sessions)"
    [ "$have" = "$want" ] && return
    sleep 0.5
  done
}
await_sessions
log "sessions ready: $(sessions) (ready wanted), $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')s after start"
jcmd $server GC.run >/dev/null 2>&1 || true
heap=$(jcmd $server GC.heap_info 2>/dev/null | awk '/total/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") print $(i+1); exit }')
log "healthy after ${ready}s (JVM start, rule build, load and settle); heap used after a full GC: ${heap:-?}"

ENDPOINT=/v1/calls BODIES=$OUT/calls.jsonl
curl -s -H 'Content-Type: application/json' -d "$(head -1 "$BODIES")" "$BASE$ENDPOINT" >"$OUT/probe.json"
grep -q '"ALLOW"' "$OUT/probe.json" || { echo "the probe decision is not an ALLOW:" >&2; head -c 2000 "$OUT/probe.json" >&2; exit 1; }

drain() { # until /health answers within 0.5 s (at most 300 s)
  for _ in $(seq 1 300); do
    curl -fs -m 0.5 "$BASE/health" >/dev/null 2>&1 && return
    sleep 1
  done
  log "the server did not drain within 300 s"
}

cpu_ticks() { head -1 /proc/stat | awk '{ t = 0; for (i = 2; i <= NF; i++) t += $i; print $9, t }'; } # steal, all
run() { # name url duration [get|post|post-new [delay-ms|rate:R]]
  local name=$1 url=$2 d=$3 mode=${4:-get} delay=${5:-0}
  local line conns=$CONNS threads=$THREADS steal0 total0 steal1 total1
  read -r steal0 total0 <<<"$(cpu_ticks)"
  if [ "$mode" = get ]; then
    line=$(wrk -t"$threads" -c"$conns" -d"$d" --timeout 60s -s "$LUA" "$url" -- get | tail -1)
  else
    conns=$DECIDE_CONNS
    [ "$threads" -le "$conns" ] || threads=$conns
    line=$(wrk -t"$threads" -c"$conns" -d"$d" --timeout 60s -s "$LUA" "$url" -- "$mode" "$BODIES" "$delay" | tail -1)
    drain
  fi
  read -r steal1 total1 <<<"$(cpu_ticks)" # CPU time the hypervisor gave to others during the run (drain included)
  local pace="\"delayMs\":$delay"
  case $delay in rate:*) pace="\"ratePerThread\":${delay#rate:}" ;; esac
  echo "{\"run\":\"$name\",\"endpoint\":\"${url#$BASE}\",\"conns\":$conns,\"threads\":$threads,$pace,\"stealPct\":$(awk -v s=$((steal1 - steal0)) -v t=$((total1 - total0)) 'BEGIN { printf "%.2f", (t > 0 ? 100 * s / t : 0) }'),\"result\":$line}" | tee -a "$OUT/results.jsonl"
}

: >"$OUT/results.jsonl"
log "warm-up $WARMUP each"
run warmup-health "$BASE/health" "$WARMUP" >/dev/null
run warmup-decide "$BASE$ENDPOINT" "$WARMUP" post >/dev/null
for r in $(seq 1 "$REPEAT"); do
  run "health-$r" "$BASE/health" "$DURATION"
  run "decide-$r" "$BASE$ENDPOINT" "$DURATION" post
  run "decidenew-$r" "$BASE$ENDPOINT" "$DURATION" post-new
done

rps() { grep "\"run\":\"$1" "$OUT/results.jsonl" | sed 's/.*"rps":\([0-9.]*\).*/\1/' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
health=$(rps health-) decide=$(rps decide-) decidenew=$(rps decidenew-)
awk -v x="$decide" -v y="$decidenew" 'BEGIN { exit !(x > 0 && y > 0) }' || { echo "no decision completed: nothing to pace" >&2; exit 1; }
log "medians: /health $health req/s; decisions $decide req/s ($(awk -v a="$decide" -v b="$health" 'BEGIN { printf "%.1f", 100 * a / b }')% of /health) asked again, $decidenew req/s ($(awk -v a="$decidenew" -v b="$health" 'BEGIN { printf "%.1f", 100 * a / b }')%) each a new question"
paced() { # name mode rate: 80% of rate on the decision runs' connections, held by load.lua's schedule
  local name=$1 mode=$2 target
  target=$(awk -v x="$3" 'BEGIN { printf "%.2f", 0.8 * x }')
  log "$name: pacing to $target req/s"
  run "$name" "$BASE$ENDPOINT" "$DURATION" "$mode" "rate:$(awk -v t="$target" -v n="$THREADS" 'BEGIN { printf "%.2f", t / n }')"
}
paced paced-80 post "$decide"
paced paced-80-new post-new "$decidenew"
target=$(awk -v x="$decide" 'BEGIN { printf "%.2f", 0.8 * x }')
reloads=()
reload_ms() { curl -s -X POST "$BASE/v1/rules/reload" | sed -n 's/.*"millis":\([0-9]*\).*/\1/p'; }
for i in $(seq 1 "$RELOADS"); do
  if [ $((i % 2)) = 1 ]; then sed -i 's/; give a PathId/; name one with PathId/' "$OUT/rules/launch.drl"
  else sed -i 's/; name one with PathId/; give a PathId/' "$OUT/rules/launch.drl"; fi
  reloads+=("$(reload_ms)")
  # a reload answers once the new primary session decides; its read replicas follow in the background:
  # let them finish before the next reload, as they would between two rule changes
  await_sessions
done
reload=$(printf '%s\n' "${reloads[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
log "rule reloads after a denial's message changed (ms): ${reloads[*]}; median $reload"
sed -i 's/^  insert(\$s);$/  insert($s); \/\/ edited by bench\/http-load.sh/' "$OUT/rules/launch.drl"
grep -q "edited by bench" "$OUT/rules/launch.drl" || { echo "the derivation to edit is gone from launch.drl" >&2; exit 1; }
fresh=$(reload_ms)
await_sessions
log "rule reload after a derivation changed (loaded afresh): $fresh ms"
echo "{\"summary\":{\"size\":\"$SIZE\",\"serverJvmOptions\":\"$(echo $GC_OPTS ${JAVA_OPTS:-})\",\"endpoint\":\"$ENDPOINT\",\"readySeconds\":$ready,\"heapUsedAfterLoadAndGc\":\"${heap:-}\",\"healthRps\":$health,\"decideRps\":$decide,\"ratio\":$(awk -v a="$decide" -v b="$health" 'BEGIN { printf "%.4f", a / b }'),\"decideNewRps\":$decidenew,\"ratioNew\":$(awk -v a="$decidenew" -v b="$health" 'BEGIN { printf "%.4f", a / b }'),\"paced80TargetRps\":$target,\"reloadMs\":[$(IFS=,; echo "${reloads[*]}")],\"reloadMedianMs\":$reload,\"reloadFreshMs\":$fresh}}" | tee -a "$OUT/results.jsonl"
