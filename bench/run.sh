#!/usr/bin/env bash
# Benchmarks the contacts service: HTTP workloads with wrk against a running service, the same
# datastore operations straight through the driver, start-up time and a one-million-contact check.
# Prints a table and appends the run to BENCHMARKS.md. See bench/README.md.
#
#   bench/run.sh [--load] [--startup] [--scale]     (no option: --load)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"

BASE_URL="${BASE_URL:-http://127.0.0.1:9080}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-10}"
JIT_WARMUP="${JIT_WARMUP:-240}"
CONNECTIONS="${CONNECTIONS:-32 128}"
WRK_THREADS="${WRK_THREADS:-2}"
SEED_COUNT="${SEED_COUNT:-2000}"
WORKLOADS="${WORKLOADS:-get-by-id first-page filtered search patch post}"
PROFILE="${PROFILE:-1}"
PROFILE_SECONDS="${PROFILE_SECONDS:-20}"
MONGO_DATABASE="${MONGO_DATABASE:-test}"
MONGO_COLLECTION="${MONGO_COLLECTION:-contacts}"
STARTUP_RUNS="${STARTUP_RUNS:-3}"
BENCH_HTTP_PORT="${BENCH_HTTP_PORT:-9089}"
SCALE_COUNT="${SCALE_COUNT:-1000000}"
SCALE_PAGE="${SCALE_PAGE:-40000}"
SCALE_SAMPLES="${SCALE_SAMPLES:-3}"
SCALE_MONGO_PORT="${SCALE_MONGO_PORT:-27018}"
SCALE_SOCKET_TIMEOUT_MS="${SCALE_SOCKET_TIMEOUT_MS:-300000}"
RECORD="${RECORD:-1}"

WLP="$REPO/target/liberty/wlp"
BENCH_SERVER="contacts-bench"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="${BENCH_OUT:-$REPO/target/bench/$RUN_ID}"
MARKER="bench-$RUN_ID"
CURSOR_ACCEPT='application/vnd.api+json; profile="https://jsonapi.org/profiles/ethanresnick/cursor-pagination/"'

MODES=()
for arg in "$@"; do
  case "$arg" in
    --load | --startup | --scale) MODES+=("${arg#--}") ;;
    -h | --help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown option $arg (use --load, --startup, --scale)" >&2; exit 2 ;;
  esac
done
[ ${#MODES[@]} -gt 0 ] || MODES=(load)
has_mode() { [[ " ${MODES[*]} " == *" $1 "* ]]; }
has_workload() { [[ " $WORKLOADS " == *" $1 "* ]]; }

mkdir -p "$OUT"
REPORT="$OUT/report.md"
: > "$REPORT"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { log "$*"; exit 1; }
report() { printf '%s\n' "$@" >> "$REPORT"; }

# ---------------------------------------------------------------------------------------------
# Tools

install_wrk() {
  if ! command -v wrk > /dev/null; then
    log "installing wrk"
    apt-get install -y wrk > "$OUT/apt.log" 2>&1 || { apt-get update > /dev/null && apt-get install -y wrk > "$OUT/apt.log" 2>&1; }
  fi
}

CLASSPATH_FILE="$REPO/target/bench/classpath.txt"
java_classpath() {
  [ -d "$REPO/target/classes/org/contacts/seed" ] \
    || fail "no compiled service classes in target/classes: build first (mvn -DskipTests package)"
  if [ ! -s "$CLASSPATH_FILE" ] || [ "$REPO/pom.xml" -nt "$CLASSPATH_FILE" ]; then
    log "resolving the driver's classpath with Maven"
    (cd "$REPO" && mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$CLASSPATH_FILE" > "$OUT/classpath.log" 2>&1) \
      || fail "mvn dependency:build-classpath failed; see $OUT/classpath.log"
  fi
  echo "$REPO/target/classes:$(cat "$CLASSPATH_FILE")"
}

bench_data() { java -cp "$CP" "$BENCH_DIR/BenchData.java" "$@"; }

# The value of key=value in a RESULT line.
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<< "$1"; }

# The JVM listening on a local port, if any.
port_pid() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

url_port() {
  local hostport="${1#*://}"
  hostport="${hostport%%/*}"
  [[ "$hostport" == *:* ]] && echo "${hostport##*:}" || echo 80
}

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-5}" "$1" || true; }

# ---------------------------------------------------------------------------------------------
# Machine and run description

describe_machine() {
  local cpu mem
  cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  mem="$(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  report "- Machine: $(nproc) CPUs ($cpu), memory $mem"
  report "- Load before the run: $(uptime | sed 's/.*load average: //') (1, 5, 15 min)"
  local busy
  busy="$(top -b -n 2 -d 1 -w 200 | awk '/^top -/ {n++} n == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 >= 20 {printf "%s %s%% CPU (%s); ", $12, $9, $1}')"
  report "- Processes using 20% CPU or more just before: ${busy:-none}"
  report "- Commit: $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src pom.xml || echo ' (with uncommitted changes to src or pom.xml)')"
}

describe_server() { # pid
  local pid="$1" log_file java_bin
  log_file="$(readlink -f "/proc/$pid/cwd")/logs/messages.log"
  java_bin="$(readlink -f "/proc/$pid/exe")"
  report "- JDK: $("$java_bin" -version 2>&1 | head -2 | tr '\n' ' ' | sed 's/ *$//')"
  report "- Liberty: $(grep -m1 'product = ' "$log_file" 2>/dev/null | sed 's/.*product = //' || echo unknown)"
  report "- Service JVM options beyond Liberty's defaults: $(tr '\0' ' ' < "/proc/$pid/cmdline" | grep -o -- ' -X[^ ]*' | tr '\n' ' ' || true)"
}

# ---------------------------------------------------------------------------------------------
# Load: the HTTP workloads and the raw driver baseline

RESULTS=""  # lines: workload|connections|requests|rps|p50|p99|p999|non2xx|socket errors|412s|ratio

add_result() { # label connections result-line [ratio]
  RESULTS+="$1|$2|$(field "$3" requests)|$(field "$3" rps)|$(field "$3" p50_ms)|$(field "$3" p99_ms)|$(field "$3" p999_ms)|$(field "$3" non2xx)|$(field "$3" socket_errors)|$(field "$3" status412)|${4:-}"$'\n'
}

wrk_run() { # threads connections seconds script args...
  local threads="$1" connections="$2" seconds="$3" script="$4"
  shift 4
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$BENCH_DIR/wrk/$script" "$BASE_URL" -- "$@" \
    | tee -a "$OUT/wrk.log" | grep '^RESULT' || fail "wrk printed no RESULT line; see $OUT/wrk.log"
}

# Runs one HTTP workload at each connection count after a warm-up; records and prints the lines.
declare -A SERVICE_RPS
SERVICE_PID=""
PROFILED=()
http_workload() { # label script args...
  local label="$1" script="$2" line threads
  shift 2
  wait_for_quiet
  log "$label: warm-up ${WARMUP}s"
  threads="$WRK_THREADS"
  [ "$script" = patch.lua ] && { refresh_etags; threads=32; set -- "$1" 32; }
  echo "== $label warm-up" >> "$OUT/wrk.log"
  wrk_run "$threads" 32 "$WARMUP" "$script" "$@" > /dev/null
  for c in $CONNECTIONS; do
    if [ "$script" = patch.lua ]; then
      refresh_etags
      threads="$c"
      set -- "$1" "$c"
    else
      threads="$WRK_THREADS"
    fi
    wait_for_quiet
    log "$label at $c connections, ${DURATION}s"
    echo "== $label c=$c" >> "$OUT/wrk.log"
    line="$(wrk_run "$threads" "$c" "$DURATION" "$script" "$@")"
    SERVICE_RPS["$label/$c"]="$(field "$line" rps)"
    add_result "$label" "$c" "$line"
    log "  $line"
  done
}

# Brings the service's JIT up to speed before anything is measured, and records how long that took:
# on two cores the compiler competes with the load, and throughput kept rising for minutes after a
# start. GET by id in two of every three windows, PATCH (body parsing, validation, a write) in the
# third; PATCH rather than POST, so that the collection the other workloads read does not grow.
service_warmup() {
  local window=30 elapsed=0 line rates=""
  [ "$JIT_WARMUP" -gt 0 ] || return 0
  log "warming the service up: ${JIT_WARMUP}s of GET by id and PATCH at 32 connections"
  echo "== service warm-up" >> "$OUT/wrk.log"
  while [ "$elapsed" -lt "$JIT_WARMUP" ]; do
    if [ $(((elapsed / window) % 3)) -eq 2 ]; then
      refresh_etags
      line="$(wrk_run 32 32 "$window" patch.lua "$OUT/etags.txt" 32)"
      rates+=", PATCH $(field "$line" rps)"
    else
      line="$(wrk_run "$WRK_THREADS" 32 "$window" get-by-id.lua "$OUT/ids.txt")"
      rates+=", GET $(field "$line" rps)"
    fi
    elapsed=$((elapsed + window))
  done
  log "  warm-up req/s by ${window}s window: ${rates#, }"
  report "- Warm-up before the workloads, requests/s in each ${window} s window at 32 connections: ${rates#, }"
}

declare -A RAW_RPS
raw_workload() { # label raw-workload service-label
  local label="$1" workload="$2" service_label="$3" line c ratio
  wait_for_quiet
  log "$label (driver, ${CONNECTIONS// /, } threads, ${WARMUP}s warm-up, ${DURATION}s each)"
  java -cp "$CP" "$BENCH_DIR/RawDriverBaseline.java" --workload "$workload" --uri "$MONGO_URI" \
    --db "$MONGO_DATABASE" --collection "$MONGO_COLLECTION" --ids "$OUT/ids.txt" --marker "$MARKER" \
    --threads "${CONNECTIONS// /,}" --duration "$DURATION" --warmup "$WARMUP" > "$OUT/raw-$workload.log" 2>&1 \
    || fail "the raw baseline failed; see $OUT/raw-$workload.log"
  while read -r line; do
    c="$(field "$line" threads)"
    RAW_RPS["$workload/$c"]="$(field "$line" rps)"
    ratio="$(awk -v s="${SERVICE_RPS[$service_label/$c]:-0}" -v r="$(field "$line" rps)" 'BEGIN {if (r > 0 && s > 0) printf "%.0f%%", 100 * s / r}')"
    add_result "$label" "$c" "$line"
    RESULTS="$(awk -F'|' -v OFS='|' -v l="$service_label" -v c="$c" -v r="$ratio" '$1 == l && $2 == c {$11 = r} 1' <<< "$RESULTS")"$'\n'
    log "  $line"
  done < <(grep '^RESULT' "$OUT/raw-$workload.log")
}

# Waits until the service answers a GET by id within half a second twice in a row, so that a
# backlog left by the previous workload (requests wrk sent but stopped waiting for) is not
# counted against the next.
wait_for_quiet() {
  local id quick=0 seconds
  id="$(head -1 "$OUT/ids.txt")"
  for _ in $(seq 1 240); do
    seconds="$(curl -s -o /dev/null -w '%{time_total}' --max-time 30 -H 'Accept: application/vnd.api+json' "$BASE_URL/contacts/$id" || echo 99)"
    if awk -v s="$seconds" 'BEGIN {exit !(s < 0.5)}'; then
      quick=$((quick + 1))
      [ "$quick" -ge 2 ] && return 0
    else
      quick=0
    fi
    sleep 0.5
  done
  log "the service is still slow to answer after the previous workload; going on"
}

refresh_etags() {
  wait_for_quiet
  bench_data etags --base-url "$BASE_URL" --ids "$OUT/ids.txt" --out "$OUT/etags.txt" > "$OUT/etags.log" 2>&1 \
    || fail "fetching ETags failed; see $OUT/etags.log"
}

profile_service() { # pid label script args...
  local pid="$1" label="$2" script="$3" file
  shift 3
  file="$OUT/profile-${label// /-}.jfr"
  log "profiling $label at 128 connections for ${PROFILE_SECONDS}s (JFR; not part of the figures)"
  jcmd "$pid" JFR.start name="bench-$RUN_ID" settings=profile duration="$((PROFILE_SECONDS + 2))s" filename="$file" > /dev/null
  [ "$script" = patch.lua ] && { refresh_etags; set -- "$1" 128; }
  wrk_run "$([ "$script" = patch.lua ] && echo 128 || echo "$WRK_THREADS")" 128 "$PROFILE_SECONDS" "$script" "$@" > /dev/null
  for _ in $(seq 1 30); do
    sleep 1
    jcmd "$pid" JFR.check 2> /dev/null | grep -q "bench-$RUN_ID" || break
  done
  java "$BENCH_DIR/JfrTopFrames.java" "$file" 12 > "$OUT/profile-${label// /-}.txt"
  PROFILED+=("$label")
}

report_profiles() {
  local label
  for label in "${PROFILED[@]}"; do
    report "" "<details><summary>Profile: $label at 128 connections (JFR, ${PROFILE_SECONDS} s)</summary>" "" '```'
    cat "$OUT/profile-${label// /-}.txt" >> "$REPORT"
    report '```' "" "</details>"
  done
}

# Profiles a workload right after its measured runs, while the datastore holds what it held then:
# profiling GET by id after POST had added a hundred thousand contacts measured another datastore.
maybe_profile() { # label script args...
  if [ "$PROFILE" = 1 ] && [ -n "$SERVICE_PID" ] && command -v jcmd > /dev/null; then
    profile_service "$SERVICE_PID" "$@"
  fi
}

cleanup_load() {
  if [ -n "${CP:-}" ] && [ -s "$OUT/ids.txt" ]; then
    log "removing the contacts this run created"
    bench_data cleanup --uri "$MONGO_URI" --db "$MONGO_DATABASE" --collection "$MONGO_COLLECTION" \
      --ids "$OUT/ids.txt" --marker "$MARKER" >> "$OUT/cleanup.log" 2>&1 || log "cleanup failed; see $OUT/cleanup.log"
  fi
}

print_table() {
  printf '| workload | connections | requests | req/s | p50 ms | p99 ms | p99.9 ms | non-2xx | socket errors | 412 | service/raw |\n'
  printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
  printf '%s' "$RESULTS" | awk -F'|' 'NF >= 10 {printf "| %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11}'
}

verdict() { # description measured target comparison(le|ge) unit
  awk -v d="$1" -v m="$2" -v t="$3" -v c="$4" -v u="$5" 'BEGIN {
    if (m == "") { printf "- %s: not measured\n", d; exit }
    ok = (c == "ge") ? (m >= t) : (m <= t)
    if (ok) printf "- %s: %s%s (target %s %s%s) met\n", d, m, u, (c == "ge" ? ">=" : "<="), t, u
    else printf "- %s: %s%s (target %s %s%s) MISSED by %.1f%s\n", d, m, u, (c == "ge" ? ">=" : "<="), t, u, (c == "ge" ? t - m : m - t), (u == "%" ? " points" : u)
  }'
}

run_load() {
  local status pid
  status="$(http_status "$BASE_URL/health/ready")"
  [ "$status" = 200 ] || fail "the service does not answer ready at $BASE_URL/health/ready (got '$status'); start it first, see bench/README.md"
  pid="$(port_pid "$(url_port "$BASE_URL")")"
  SERVICE_PID="$pid"
  if [ -z "${MONGO_URI:-}" ]; then
    MONGO_URI="mongodb://127.0.0.1:27017"
    if [ -n "$pid" ]; then
      local found
      found="$(grep -o 'EMBEDDED development datastore at mongodb://[0-9.:]*' "$(readlink -f "/proc/$pid/cwd")/logs/messages.log" 2>/dev/null | tail -1 | sed 's/.* at //' || true)"
      [ -n "$found" ] && MONGO_URI="$found"
    fi
  fi
  log "service $BASE_URL (JVM pid ${pid:-not local}), datastore $MONGO_URI, output in $OUT"

  report "### Load: HTTP workloads against the raw driver"
  report ""
  [ -n "$pid" ] && describe_server "$pid"
  report "- Datastore: $MONGO_URI ($MONGO_DATABASE.$MONGO_COLLECTION); each workload ${DURATION} s after a ${WARMUP} s warm-up of its own, all after a ${JIT_WARMUP} s warm-up of the service; wrk -t$WRK_THREADS (PATCH: one thread per connection)"

  trap cleanup_load EXIT
  log "seeding $SEED_COUNT contacts straight into the datastore"
  bench_data seed --uri "$MONGO_URI" --db "$MONGO_DATABASE" --collection "$MONGO_COLLECTION" --count "$SEED_COUNT" \
    --ids "$OUT/ids.txt" --prefixes "$OUT/prefixes.txt" > "$OUT/seed.log" 2>&1 || fail "seeding failed; see $OUT/seed.log"
  report "- Seeded: $(tail -1 "$OUT/seed.log")"
  refresh_etags  # also proves the service reads the datastore we seeded
  service_warmup

  if has_workload get-by-id; then
    http_workload "GET /contacts/{id}" get-by-id.lua "$OUT/ids.txt"
    raw_workload "raw find by id" find-by-id "GET /contacts/{id}"
    maybe_profile "GET by id" get-by-id.lua "$OUT/ids.txt"
  fi
  if has_workload first-page; then
    http_workload "GET /contacts (first page)" collection.lua "/contacts"
    raw_workload "raw first page" first-page "GET /contacts (first page)"
  fi
  if has_workload filtered; then
    http_workload "GET filter[state]=CA&sort=lastName" collection.lua "/contacts?filter%5Bstate%5D=CA&sort=lastName"
  fi
  if has_workload search; then
    http_workload "GET filter[q]=prefix" search.lua "$OUT/prefixes.txt"
  fi
  if has_workload patch; then
    http_workload "PATCH with If-Match" patch.lua "$OUT/etags.txt"
  fi
  if has_workload post; then
    http_workload "POST /contacts" post.lua "$MARKER"
    raw_workload "raw insert" insert "POST /contacts"
    maybe_profile "POST" post.lua "$MARKER"
  fi

  local rss="" hwm=""
  if [ -n "$pid" ]; then
    rss="$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")"
    hwm="$(awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")"
    jcmd "$pid" GC.heap_info > "$OUT/heap.txt" 2>&1 || true
  fi

  local table
  table="$(print_table)"
  echo "$table"
  report "- Load after the run: $(uptime | sed 's/.*load average: //')" "" "$table" ""
  [ -n "$rss" ] && report "- Service JVM resident set after the load: ${rss} MB (peak ${hwm} MB); heap: $(grep -i ' total' "$OUT/heap.txt" | grep -v -i 'metaspace\|class space' | sed 's/^ *//; s/ *\[.*//' | paste -sd ';' - | sed 's/;/; /g')"
  report "" "Targets:"
  local p99_128 ratio32 ratio128 post32 post128
  p99_128="$(printf '%s' "$RESULTS" | awk -F'|' '$1 == "GET /contacts/{id}" && $2 == 128 {print $6}')"
  ratio32="$(awk -v s="${SERVICE_RPS[GET /contacts/{id}/32]:-0}" -v r="${RAW_RPS[find-by-id/32]:-0}" 'BEGIN {if (r > 0) printf "%.0f", 100 * s / r}')"
  ratio128="$(awk -v s="${SERVICE_RPS[GET /contacts/{id}/128]:-0}" -v r="${RAW_RPS[find-by-id/128]:-0}" 'BEGIN {if (r > 0) printf "%.0f", 100 * s / r}')"
  post32="$(awk -v s="${SERVICE_RPS[POST /contacts/32]:-0}" -v r="${RAW_RPS[insert/32]:-0}" 'BEGIN {if (r > 0) printf "%.0f", 100 * s / r}')"
  post128="$(awk -v s="${SERVICE_RPS[POST /contacts/128]:-0}" -v r="${RAW_RPS[insert/128]:-0}" 'BEGIN {if (r > 0) printf "%.0f", 100 * s / r}')"
  {
    verdict "GET by id throughput vs raw, 32 connections" "$ratio32" 70 ge "%"
    verdict "GET by id throughput vs raw, 128 connections" "$ratio128" 70 ge "%"
    verdict "GET by id p99 at 128 connections" "$p99_128" 25 le " ms"
    verdict "POST throughput vs raw insert, 32 connections" "$post32" 60 ge "%"
    verdict "POST throughput vs raw insert, 128 connections" "$post128" 60 ge "%"
    [ -n "$rss" ] && verdict "Resident set after the load" "$rss" 400 le " MB"
  } | tee -a "$REPORT"

  report_profiles
  cleanup_load
  trap - EXIT
}

# ---------------------------------------------------------------------------------------------
# A server of the benchmark's own, for start-up and scale: same runtime, configuration and
# application as the development server, its own port and datastore.

BENCH_URL="http://127.0.0.1:$BENCH_HTTP_PORT"
BENCH_SERVER_PID=""

prepare_bench_server() { # data-file mongo-port seed-count extra-server.env-lines same-jvm-options(0|1)
  local dev="$WLP/usr/servers/contacts" dir="$WLP/usr/servers/$BENCH_SERVER"
  if [ ! -f "$dev/dropins/contacts-service.war.xml" ]; then
    log "creating the Liberty runtime and application (mvn liberty:create liberty:install-feature liberty:deploy)"
    (cd "$REPO" && mvn -q -B -ntp -DskipTests package liberty:create liberty:install-feature liberty:deploy > "$OUT/liberty-create.log" 2>&1) \
      || fail "could not create the Liberty server; see $OUT/liberty-create.log"
  fi
  [ -z "$(port_pid "$BENCH_HTTP_PORT")" ] || fail "port $BENCH_HTTP_PORT is taken; set BENCH_HTTP_PORT"
  rm -rf "$dir"
  mkdir -p "$dir/dropins"
  cp "$dev/server.xml" "$dir/"
  cp "$dev/dropins/contacts-service.war.xml" "$dir/dropins/"
  # The development server's JVM options (its heap cap) for start-up; not for the scale check,
  # whose million contacts live in the server's own heap.
  if [ "${5:-1}" = 1 ] && [ -f "$dev/jvm.options" ]; then
    cp "$dev/jvm.options" "$dir/"
  fi
  printf 'http.port=%s\n' "$BENCH_HTTP_PORT" > "$dir/bootstrap.properties"
  printf 'MONGO_EMBEDDED=true\nMONGO_EMBEDDED_FILE=%s\nMONGO_EMBEDDED_PORT=%s\nMONGO_SEED_COUNT=%s\n%s' "$1" "$2" "$3" "${4:-}" > "$dir/server.env"
}

# Launches the bench server; READY_SECONDS is then the time until /health/ready answered 200.
READY_SECONDS=""
start_bench_server() { # log-file timeout-seconds
  local started now status
  started="$(date +%s.%N)"
  "$WLP/bin/server" run "$BENCH_SERVER" > "$1" 2>&1 &
  BENCH_SERVER_PID=$!
  while true; do
    status="$(http_status "$BENCH_URL/health/ready" 2)"
    now="$(date +%s.%N)"
    [ "$status" = 200 ] && break
    kill -0 "$BENCH_SERVER_PID" 2> /dev/null || fail "the bench server exited; see $1"
    awk -v a="$started" -v b="$now" -v t="$2" 'BEGIN {exit !(b - a > t)}' && fail "the bench server was not ready in $2 s; see $1"
    sleep 0.1
  done
  READY_SECONDS="$(awk -v a="$started" -v b="$now" 'BEGIN {printf "%.1f", b - a}')"
}

stop_bench_server() {
  [ -n "$BENCH_SERVER_PID" ] || return 0
  "$WLP/bin/server" stop "$BENCH_SERVER" > /dev/null 2>&1 || true
  for _ in $(seq 1 60); do
    kill -0 "$BENCH_SERVER_PID" 2> /dev/null || break
    sleep 1
  done
  if kill -0 "$BENCH_SERVER_PID" 2> /dev/null; then
    local jvm
    jvm="$(port_pid "$BENCH_HTTP_PORT")"
    [ -n "$jvm" ] && kill "$jvm" 2> /dev/null
    kill "$BENCH_SERVER_PID" 2> /dev/null || true
  fi
  wait "$BENCH_SERVER_PID" 2> /dev/null || true
  BENCH_SERVER_PID=""
}

run_startup() {
  local data="$OUT/startup-data/contacts.mv" seconds pid rss liberty times=() i
  report "### Start-up and memory at rest"
  report ""
  prepare_bench_server "$data" 0 500 "" 1
  trap stop_bench_server EXIT
  for i in $(seq 1 "$STARTUP_RUNS"); do
    if [ "$i" = 1 ]; then
      log "start-up $i of $STARTUP_RUNS: new server (no feature cache, empty datastore: seeds 500)"
    else
      log "start-up $i of $STARTUP_RUNS: restart (cache and data kept)"
    fi
    start_bench_server "$OUT/startup-$i.log" 180
    seconds="$READY_SECONDS"
    pid="$(port_pid "$BENCH_HTTP_PORT")"
    sleep 2
    rss="$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")"
    liberty="$(grep -o 'started in [0-9.]* seconds' "$WLP/usr/servers/$BENCH_SERVER/logs/messages.log" | tail -1 | grep -o '[0-9.]*')"
    [ "$i" = 1 ] && describe_server "$pid"
    report "- Start $i ($([ "$i" = 1 ] && echo 'new server, empty datastore' || echo restart)): ready after ${seconds} s (Liberty's own 'started in': ${liberty} s); resident set at rest ${rss} MB"
    log "  ready after ${seconds} s, RSS ${rss} MB"
    times+=("$seconds")
    stop_bench_server
  done
  trap - EXIT
  local warm
  warm="$(printf '%s\n' "${times[@]:1}" | sort -n | awk '{a[NR] = $1} END {if (NR) print a[int((NR + 1) / 2)]}')"
  {
    verdict "Start-up to ready, new server" "${times[0]}" 10 le " s"
    [ -n "$warm" ] && verdict "Start-up to ready, restart (median)" "$warm" 10 le " s"
  } | tee -a "$REPORT"
}

# ---------------------------------------------------------------------------------------------
# Scale: one million contacts in a datastore of the benchmark's own

# Times SCALE_SAMPLES requests one after another with curl (a query over a million contacts on
# the embedded datastore can take a minute, longer than any sensible wrk window).
SCALE_ROWS=""
SCALE_MEDIAN=""
scale_latency() { # label path accept
  local times=() statuses=() out
  for _ in $(seq 1 "$SCALE_SAMPLES"); do
    out="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 900 -H "Accept: $3" "$BENCH_URL$2" || echo "000 0")"
    statuses+=("${out% *}")
    times+=("${out#* }")
  done
  SCALE_MEDIAN="$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR] = $1} END {printf "%.2f", a[int((NR + 1) / 2)]}')"
  local min max
  min="$(printf '%s\n' "${times[@]}" | sort -g | head -1)"
  max="$(printf '%s\n' "${times[@]}" | sort -g | tail -1)"
  SCALE_ROWS+="| $1 | ${#times[@]} | $SCALE_MEDIAN | $(printf '%.2f' "$min") | $(printf '%.2f' "$max") | ${statuses[*]} |"$'\n'
  log "  $1: median ${SCALE_MEDIAN} s over ${#times[@]} requests (${times[*]}), statuses ${statuses[*]}"
}

run_scale() {
  # A fresh datastore each run: reopening a million stored contacts costs the embedded datastore
  # one full pass over them per stored index (about 25 minutes here), loading them about 8.
  local data="$OUT/scale-data/contacts.mv" uri="mongodb://127.0.0.1:$SCALE_MONGO_PORT" seconds cursors
  local default_cursor filtered_cursor filtered_page p1 pdeep f1 fdeep status
  report "### Scale: $SCALE_COUNT contacts, page 1 against page $SCALE_PAGE"
  report ""
  mkdir -p "$(dirname "$data")"
  [ -z "$(port_pid "$SCALE_MONGO_PORT")" ] || fail "port $SCALE_MONGO_PORT is taken; set SCALE_MONGO_PORT"
  # A query over a million contacts on the embedded datastore outlasts the service's default
  # 5 s datastore read timeout (it then answers 503); the scale check wants the latency itself.
  prepare_bench_server "$data" "$SCALE_MONGO_PORT" 0 "MONGO_SOCKET_TIMEOUT_MS=$SCALE_SOCKET_TIMEOUT_MS"$'\n' 0
  trap stop_bench_server EXIT
  log "starting the bench server on $data"
  start_bench_server "$OUT/scale-server.log" 600
  log "loading $SCALE_COUNT generated contacts through the driver"
  bench_data scale-load --uri "$uri" --count "$SCALE_COUNT" 2>&1 | tee "$OUT/scale-load.log" >&2
  report "- Datastore: the embedded one, new for the run, $uri; $(tail -1 "$OUT/scale-load.log")"
  log "finding the cursor of page $SCALE_PAGE (driver)"
  cursors="$(bench_data scale-cursors --uri "$uri" --page "$SCALE_PAGE" --size 20 | tee "$OUT/scale-cursors.txt")"
  default_cursor="$(sed -n 's/^DEFAULT //p' <<< "$cursors")"
  filtered_cursor="$(sed -n 's/^FILTERED //p' <<< "$cursors")"
  filtered_page="$(sed -n 's/^FILTERED_PAGE //p' <<< "$cursors")"
  report "- filter[state]=CA matches $(sed -n 's/^FILTERED_MATCHES //p' <<< "$cursors") contacts; its deep page is page $filtered_page"
  status="$(curl -s -o "$OUT/scale-check.json" -w '%{http_code}' --max-time 600 "$BENCH_URL/contacts?page%5Bsize%5D=20&page%5Bafter%5D=$default_cursor" || true)"
  if [ "$status" = 400 ]; then
    fail "page $SCALE_PAGE answered 400: the cursor format may have changed (see src/main/java/org/contacts/api/Cursors.java); $OUT/scale-check.json"
  elif [ "$status" != 200 ]; then
    report "- Page $SCALE_PAGE answered $status when first asked: $(head -c 400 "$OUT/scale-check.json")"
  fi
  report "- The service's datastore read timeout raised to $SCALE_SOCKET_TIMEOUT_MS ms for this check (MONGO_SOCKET_TIMEOUT_MS; default 5000)"

  log "timing pages: $SCALE_SAMPLES requests each, one at a time"
  scale_latency "cursor page 1" "/contacts?page%5Bsize%5D=20" "$CURSOR_ACCEPT"
  p1="$SCALE_MEDIAN"
  scale_latency "cursor page $SCALE_PAGE" "/contacts?page%5Bsize%5D=20&page%5Bafter%5D=$default_cursor" "$CURSOR_ACCEPT"
  pdeep="$SCALE_MEDIAN"
  scale_latency "CA by lastName, page 1" "/contacts?filter%5Bstate%5D=CA&sort=lastName&page%5Bsize%5D=20" "$CURSOR_ACCEPT"
  f1="$SCALE_MEDIAN"
  scale_latency "CA by lastName, page $filtered_page" "/contacts?filter%5Bstate%5D=CA&sort=lastName&page%5Bsize%5D=20&page%5Bafter%5D=$filtered_cursor" "$CURSOR_ACCEPT"
  fdeep="$SCALE_MEDIAN"

  bench_data explain --uri "$uri" > "$OUT/explain.txt" 2>&1 || true
  local rss pid
  pid="$(port_pid "$BENCH_HTTP_PORT")"
  rss="$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")"
  stop_bench_server
  trap - EXIT
  [ "${KEEP_SCALE_DATA:-0}" = 1 ] || rm -rf "$OUT/scale-data"

  local table
  table="$(printf '| query (20 a page, cursor paging) | requests | median s | min s | max s | statuses |\n|---|---:|---:|---:|---:|---|\n%s' "$SCALE_ROWS")"
  echo "$table"
  report "" "$table" "" "- Bench server resident set with $SCALE_COUNT contacts after the scale run: ${rss} MB" "" "Index use (explain through the driver):" ""
  sed 's/^/    /' "$OUT/explain.txt" >> "$REPORT"
  report ""
  local ratio fratio
  ratio="$(awk -v a="$pdeep" -v b="$p1" 'BEGIN {if (b > 0) printf "%.2f", a / b}')"
  fratio="$(awk -v a="$fdeep" -v b="$f1" 'BEGIN {if (b > 0) printf "%.2f", a / b}')"
  {
    verdict "median of page $SCALE_PAGE / page 1" "$ratio" 1.5 le "x"
    verdict "median of CA by lastName page $filtered_page / its page 1" "$fratio" 1.5 le "x"
  } | tee -a "$REPORT"
}

# ---------------------------------------------------------------------------------------------

# All of it in one function, so that bash has read the whole file before it runs any of it:
# editing the script during a run then cannot change the run.
main() {
  install_wrk
  CP="$(java_classpath)"
  log "run $RUN_ID: ${MODES[*]}"
  {
    echo "## Run $RUN_ID (${MODES[*]})"
    echo
  } > "$OUT/header.md"
  : > "$REPORT"
  describe_machine
  if has_mode load; then run_load; fi
  if has_mode startup; then report ""; run_startup; fi
  if has_mode scale; then RESULTS=""; report ""; run_scale; fi

  if [ "$RECORD" = 1 ]; then
    [ -f "$REPO/BENCHMARKS.md" ] || printf '# Benchmarks\n\nRuns of `bench/run.sh`, newest last; see bench/README.md for what each figure means.\n' > "$REPO/BENCHMARKS.md"
    { echo; cat "$OUT/header.md" "$REPORT"; } >> "$REPO/BENCHMARKS.md"
    log "appended to BENCHMARKS.md; all output in $OUT"
  else
    log "RECORD=0: BENCHMARKS.md left alone; report in $REPORT"
  fi
}

main "$@"
