#!/usr/bin/env bash
# The take-over half of the fail-over benchmark (issue 16, acceptance 5), run by
# `BENCH_TAKEOVER=1 bash bench/failover/run.sh` after the desk is seeded:
#   a. server A starts in a data grid of its own on 127.0.0.1, takes the routing lease and loads the desk;
#   b. server B joins the grid, keeps a read copy of the desk (its "Routing read copy loaded" log line);
#   c. kill -9 of A; measured from the kill: B holds the routing lease (/ops/metrics
#      handoff_routing_engine_holder 1), and B's engine has loaded the desk and routes again
#      ("Routing engine loaded from the database" in B's log, its time included).
# Arguments (from run.sh): output directory, database, first port, heap, queueCap.
# BENCH_JFR=1 records server B with Java Flight Recorder (profile settings) into <out>/b.jfr.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=$1 DB=$2 PORT_A=$3 HEAP=$4 CAP=$5
PORT_B=$((PORT_A + 1))
GRID_A=$((PORT_A + 200)) GRID_B=$((PORT_A + 210))
TOKEN=failover-bench-scrape-token
export HANDOFF_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?useSSL=false&allowPublicKeyRetrieval=true"
export HANDOFF_DB_USER=handoff HANDOFF_DB_PASSWORD=handoff HANDOFF_DEMO_ENABLED=true HANDOFF_METRICS_SCRAPE_TOKEN=$TOKEN
declare -A PID=()
cleanup() { for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

launch() { # name, port, grid port
    local jfr=()
    [[ "${BENCH_JFR:-0}" == 1 && "$1" == b ]] && jfr=("-XX:StartFlightRecording=settings=profile,filename=$OUT/b.jfr,dumponexit=true" -XX:FlightRecorderOptions=stackdepth=256)
    HANDOFF_PUBLIC_URL="http://127.0.0.1:$2/" HANDOFF_CLUSTER_NODE_NAME="bench-$1" \
        java "-Xmx$HEAP" "${jfr[@]}" -jar handoff-web/target/payara-micro.jar --deploy handoff-web/target/handoff.war --port "$2" \
        --clustername "handoff-failover-bench-$$" --clustermode "tcpip:127.0.0.1:$GRID_A,127.0.0.1:$GRID_B" \
        --startport "$3" --interfaces 127.0.0.1 \
        --postbootcommandfile handoff-web/target/post-boot-commands.asadmin >"$OUT/$1.log" 2>&1 &
    PID[$1]=$!
}
ready() { # name, port
    for _ in $(seq 1 900); do
        curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "${PID[$1]}" 2>/dev/null || { tail -30 "$OUT/$1.log"; echo "server $1 died"; exit 1; }
        sleep 1
    done
    echo "server $1 not ready in 900 s"; exit 1
}
wait_log() { # name, text, seconds
    for _ in $(seq 1 "$3"); do grep -q "$2" "$OUT/$1.log" && return 0; sleep 1; done
    echo "no \"$2\" in $OUT/$1.log within $3 s"; exit 1
}
holder() { # port
    curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$1/ops/metrics" 2>/dev/null \
        | awk 'index($0, "handoff_routing_engine_holder ") == 1 {print $2}'
}
ms() { echo "$1" | grep -o "in [0-9,]* ms" | tr -dc 0-9; }

echo "4a. server A: starts, takes the routing lease, loads the desk ..."
launch a "$PORT_A" "$GRID_A"; ready a "$PORT_A"
wait_log a "Routing engine loaded from the database" 600
LOADED_A=$(grep -o "Routing engine loaded from the database in [^]]*" "$OUT/a.log" | head -1)
echo "    $LOADED_A"
echo "4b. server B: joins the grid, keeps a read copy ..."
launch b "$PORT_B" "$GRID_B"; ready b "$PORT_B"
wait_log b "Routing read copy loaded from the database" 600
COPY_B=$(grep -o "Routing read copy loaded from the database in [^]]*" "$OUT/b.log" | head -1)
echo "    $COPY_B"
[[ "$(holder "$PORT_A")" == 1 && "$(holder "$PORT_B")" == 0 ]] || { echo "server A should hold the routing lease, B not"; exit 1; }
sleep 15 # a steady state: B's read copy synced again, A ticking
echo "4c. kill -9 of server A ..."
KILLED=$(date +%s%N)
kill -9 "${PID[a]}"; wait "${PID[a]}" 2>/dev/null || true; unset 'PID[a]'
LEASE_MS=""
for _ in $(seq 1 1200); do
    if [[ -z "$LEASE_MS" && "$(holder "$PORT_B")" == 1 ]]; then LEASE_MS=$(( ($(date +%s%N) - KILLED) / 1000000 )); fi
    if grep -q "Routing engine loaded from the database" "$OUT/b.log"; then break; fi
    sleep 0.25
done
ROUTES_MS=$(( ($(date +%s%N) - KILLED) / 1000000 ))
LOADED_B=$(grep -o "Routing engine loaded from the database in [^]]*" "$OUT/b.log" | head -1)
[[ -n "$LOADED_B" ]] || { echo "server B did not load the desk within 300 s of the kill"; exit 1; }
[[ -n "$LEASE_MS" ]] || LEASE_MS=$ROUTES_MS
RSS=$(awk '/VmRSS/ {print $2}' "/proc/${PID[b]}/status")
[[ "${BENCH_JFR:-0}" == 1 ]] && jcmd "${PID[b]}" JFR.dump filename="$OUT/b.jfr" >/dev/null && echo "    recording of server B: $OUT/b.jfr"
printf '{"mode": "take-over", "agents": 15000, "waiting": 300000, "owned": 30000, "queueCap": %s, "first_load_a_ms": %s, "read_copy_b_ms": %s, "lease_after_kill_ms": %s, "load_b_ms": %s, "routes_after_kill_ms": %s, "rss_b_kb": %s, "load_avg": "%s"}\n' \
    "$CAP" "$(ms "$LOADED_A")" "$(ms "$COPY_B")" "$LEASE_MS" "$(ms "$LOADED_B")" "$ROUTES_MS" "$RSS" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    | tee "$OUT/result.json"
echo "    server B: $LOADED_B"
echo "    routing again on server B $ROUTES_MS ms after the kill (lease held after $LEASE_MS ms); target < 30,000 ms"
