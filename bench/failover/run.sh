#!/usr/bin/env bash
# The fail-over benchmark (issue 16, acceptance 5): how long a server needs before it routes again
# when it loads a large desk from the database (a start, or a take-over: RoutingDesk.startOver).
#   1. recreates $BENCH_DB and starts Handoff once on it (migrations, demo data), then stops it;
#   2. seeds 15,000 agents (two chats each) and 300,000 waiting handoffs (bench/failover/seed.sql);
#   3. publishes a routing policy whose queueCap holds them all (BENCH_QUEUE_CAP, default 400000;
#      0 keeps the built-in policy and its cap of 10,000);
#   4. starts Handoff again and reads, from its log, how long the routing engine's first load took
#      ("Routing engine loaded from the database in ... ms") and when the server was ready.
# BENCH_REUSE=1 skips steps 1-2 on a database seeded before (step 3 then adds a policy version).
# BENCH_TAKEOVER=1 measures a take-over instead of step 4 (ADR 0044): two servers in one data grid on
#   127.0.0.1 (ports BENCH_PORT and BENCH_PORT+1); the first loads the desk and routes, the second keeps
#   its read copy; then kill -9 of the first, and the time until the second holds the routing lease
#   and until its engine has loaded the desk and routes again ("Routing engine loaded" in its log).
# usage: bash bench/failover/run.sh      (needs the WAR and payara-micro.jar built, MariaDB, the
#        handoff user as in .ci/run; BENCH_DB, BENCH_PORT, BENCH_QUEUE_CAP, BENCH_HEAP to change)
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${BENCH_DB:-handoff_bench_failover}
PORT=${BENCH_PORT:-18700}
CAP=${BENCH_QUEUE_CAP:-400000}
HEAP=${BENCH_HEAP:-4g}
OUT=bench/results/failover-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
[[ "${BENCH_REUSE:-0}" == 1 ]] || mysql -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
export HANDOFF_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?useSSL=false&allowPublicKeyRetrieval=true"
export HANDOFF_DB_USER=handoff HANDOFF_DB_PASSWORD=handoff HANDOFF_DEMO_ENABLED=true
PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null || true' EXIT
GRID="--nocluster"
start() { # log file [port]
    local port=${2:-$PORT}
    # shellcheck disable=SC2086
    HANDOFF_PUBLIC_URL="http://127.0.0.1:$port/" java "-Xmx$HEAP" -jar handoff-web/target/payara-micro.jar \
        --deploy handoff-web/target/handoff.war --port "$port" $GRID \
        --postbootcommandfile handoff-web/target/post-boot-commands.asadmin >"$1" 2>&1 &
    PID=$!
    STARTED=$(date +%s%N)
    for _ in $(seq 1 900); do
        curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "$PID" 2>/dev/null || { tail -30 "$1"; echo "the server died"; exit 1; }
        sleep 1
    done
    echo "not ready in 900 s"; exit 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

if [[ "${BENCH_REUSE:-0}" != 1 ]]; then
    echo "1. first start on an empty database (migrations, demo data) ..."
    start "$OUT/first.log"; stop
    echo "2. seeding 15,000 agents and 300,000 waiting handoffs ..."
    s=$SECONDS; mysql -uroot "$DB" < bench/failover/seed.sql | tee "$OUT/seed.txt"; echo "   seeded in $((SECONDS - s)) s"
fi
if (( CAP > 0 )); then
    echo "3. a routing policy with queueCap $CAP ..."
    CP=handoff-ejb/target/classes:handoff-persistence/target/classes
    for jar in jakarta/json/jakarta.json-api/2.1.3 jakarta/json/bind/jakarta.json.bind-api org/eclipse/yasson/3.0.4 org/eclipse/parsson/parsson/1.1.7; do
        CP=$CP:$(find ~/.m2/repository/$jar -name '*.jar' ! -name '*-sources.jar' | sort | tail -1)
    done
    java -cp "$CP" bench/failover/PolicyDocument.java "$CAP" > "$OUT/policy.json"
    python3 - "$OUT/policy.json" "$DB" <<'PY'
import subprocess, sys
doc = open(sys.argv[1]).read().replace("\\", "\\\\").replace("'", "\\'")
sql = ("INSERT INTO routing_policy_version (version_no, status, document, published_by, published_at, change_note, version) "
       "SELECT COALESCE(MAX(version_no), 0) + 1, 'PUBLISHED', '%s', 'bench', NOW(6), 'fail-over benchmark: queueCap', 0 FROM routing_policy_version" % doc)
subprocess.run(["mysql", "-uroot", sys.argv[2], "-e", sql], check=True)
PY
fi
if [[ "${BENCH_TAKEOVER:-0}" == 1 ]]; then
    exec bash bench/failover/takeover.sh "$OUT" "$DB" "$PORT" "$HEAP" "$CAP"
fi
echo "4. the start that loads the desk ..."
start "$OUT/load.log"
READY_MS=$(( ($(date +%s%N) - STARTED) / 1000000 ))
for _ in $(seq 1 600); do grep -q "Routing engine loaded from the database" "$OUT/load.log" && break; sleep 1; done
LOADED=$(grep -o "Routing engine loaded from the database in [^]]*" "$OUT/load.log" | head -1)
[[ -n "$LOADED" ]] || { echo "no load line in $OUT/load.log"; exit 1; }
RSS=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")
stop
LOAD_MS=$(echo "$LOADED" | grep -o "in [0-9,]* ms" | tr -dc 0-9)
printf '{"agents": 15000, "waiting": 300000, "owned": 30000, "queueCap": %s, "load_ms": %s, "ready_ms": %s, "rss_kb": %s, "load_avg": "%s"}\n' \
    "$CAP" "$LOAD_MS" "$READY_MS" "$RSS" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/result.json"
echo "$LOADED"
