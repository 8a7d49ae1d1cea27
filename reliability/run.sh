#!/usr/bin/env bash
# The reliability suite: bash reliability/run.sh   (as root, from anywhere; see reliability/README.md)
#
# Starts a PRIVATE MariaDB (its own datadir and port, never the shared one on 3306) and Payara Micro
# with the packaged WAR, then runs: access matrix, fuzzing, concurrent starts, crash (kill -9 of
# Payara under writers), and database faults (mariadbd frozen with SIGSTOP, then killed, under
# writers). Every part prints a RESULT line; the summary and the exit code say whether all held.
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${RELIABILITY_WORK:-/tmp/handoff-reliability}"
PORT="${RELIABILITY_PORT:-18300}"
DB_PORT="${RELIABILITY_DB_PORT:-3307}"
FUZZ="${RELIABILITY_FUZZ:-10000}"
WRITERS="${RELIABILITY_WRITERS:-16}"
FREEZE="${RELIABILITY_FREEZE_SECONDS:-30}"
PARTS=" ${RELIABILITY_PARTS:-access fuzz starts crash dbfault} "
want() { [[ "$PARTS" == *" $1 "* ]]; }
BOT_KEY="hk_reliabilityBotKey00000000000000000"
ADMIN_KEY="hk_reliabilityAdminKey000000000000000"
REVOKED_KEY="hk_reliabilityRevokedKey0000000000000"
BASE="http://127.0.0.1:$PORT"
DB_SOCK="$WORK/mariadb.sock"
LOG="$WORK/results.txt"
FAILED=()

say() { printf '\n==> %s\n' "$*"; }
sql() { mariadb --socket="$DB_SOCK" -uroot "$@"; }

# --- build (the WAR, and the suite's client in the test classes) --------------------------------
cd "$ROOT"
if [[ ! -f handoff-web/target/handoff.war || ! -d handoff-web/target/test-classes/dev/handoff/web/reliability ]]; then
    say "building"
    mvn -B -q -pl handoff-web -am package -DskipTests || exit 1
fi
JSON_API="$(ls ~/.m2/repository/jakarta/json/jakarta.json-api/2.1.*/jakarta.json-api-2.1.*.jar | grep -v sources | tail -1)"
PARSSON="$(ls ~/.m2/repository/org/eclipse/parsson/parsson/*/parsson-*.jar | grep -v sources | tail -1)"
CP="handoff-web/target/test-classes:$JSON_API:$PARSSON"
suite() { java -cp "$CP" dev.handoff.web.reliability.Suite "$BASE" "$@"; }
export HANDOFF_BOT_KEY="$BOT_KEY" HANDOFF_ADMIN_KEY="$ADMIN_KEY" HANDOFF_REVOKED_KEY="$REVOKED_KEY"

mkdir -p "$WORK"
: > "$LOG"

# --- a private MariaDB --------------------------------------------------------------------------
DB_PID=""
start_db() {
    if [[ ! -d "$WORK/db/mysql" ]]; then
        mariadb-install-db --no-defaults --datadir="$WORK/db" --user=mysql --auth-root-authentication-method=socket >"$WORK/db-install.log" 2>&1 || return 1
    fi
    chown -R mysql:mysql "$WORK"
    setsid mariadbd --no-defaults --datadir="$WORK/db" --port="$DB_PORT" --bind-address=127.0.0.1 --socket="$DB_SOCK" \
        --pid-file="$WORK/mariadb.pid" --user=mysql --skip-log-bin >>"$WORK/mariadb.log" 2>&1 &
    for _ in $(seq 1 60); do
        mysqladmin --socket="$DB_SOCK" -uroot ping >/dev/null 2>&1 && { DB_PID="$(cat "$WORK/mariadb.pid")"; return 0; }
        sleep 0.5
    done
    return 1
}

# --- Payara Micro -------------------------------------------------------------------------------
APP_PID=""
start_app() {
    HANDOFF_DB_URL="jdbc:mysql://127.0.0.1:$DB_PORT/handoff_reliability?useSSL=false&allowPublicKeyRetrieval=true" \
    HANDOFF_DB_USER=handoff HANDOFF_DB_PASSWORD=handoff HANDOFF_DEMO_ENABLED=true \
    HANDOFF_DEMO_API_KEY="$BOT_KEY" HANDOFF_DEMO_ADMIN_API_KEY="$ADMIN_KEY" \
    setsid java -Xmx1g -jar "$WORK/payara-micro.jar" --deploy "$WORK/handoff.war" --port "$PORT" --sslport $((PORT + 43)) \
        --postbootcommandfile "$WORK/post-boot-commands.asadmin" --nocluster >>"$WORK/payara.log" 2>&1 &
    APP_PID=$!
}
await_ready() {
    for _ in $(seq 1 "${1:-240}"); do
        [[ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 "$BASE/health/ready")" == 200 ]] && return 0
        sleep 1
    done
    return 1
}
cleanup() {
    [[ -n "$APP_PID" ]] && kill -9 "$APP_PID" 2>/dev/null
    if [[ -n "$DB_PID" ]]; then kill -CONT "$DB_PID" 2>/dev/null; kill "$DB_PID" 2>/dev/null; fi
}
trap cleanup EXIT

run_part() {  # run_part NAME COMMAND...: keeps the RESULT lines, and records a failure
    local name="$1"; shift
    say "$name"
    "$@" > "$WORK/part.out" 2>&1
    local rc=$?
    grep -E '^(RESULT|  )' "$WORK/part.out" | tee -a "$LOG"
    ((rc == 0)) || { FAILED+=("$name"); tail -5 "$WORK/part.out"; }
}

say "private MariaDB on 127.0.0.1:$DB_PORT (datadir $WORK/db)"
rm -rf "$WORK/db" && start_db || { echo "cannot start mariadbd"; exit 1; }
sql -e "CREATE DATABASE handoff_reliability CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        CREATE USER IF NOT EXISTS 'handoff'@'127.0.0.1' IDENTIFIED BY 'handoff';
        GRANT ALL ON handoff_reliability.* TO 'handoff'@'127.0.0.1';"

say "Payara Micro on $BASE"
cp handoff-web/target/handoff.war handoff-web/target/payara-micro.jar handoff-web/target/post-boot-commands.asadmin "$WORK/"
start_app
await_ready || { echo "Handoff did not become ready"; tail -50 "$WORK/payara.log"; exit 1; }
# A revoked key for the access matrix: stored as the portal stores one (SHA-256 of the secret).
sql handoff_reliability -e "INSERT INTO api_key (name, key_prefix, key_hash, scope, created_at, created_by, revoked_at, revoked_by)
    VALUES ('reliability revoked', LEFT('$REVOKED_KEY', 8), SHA2('$REVOKED_KEY', 256), 'BOT', NOW(6), 'reliability', NOW(6), 'reliability');"

want access && run_part "access matrix" suite access
if want fuzz; then
    run_part "fuzzing ($FUZZ requests)" suite fuzz "$FUZZ"
fi
want starts && run_part "concurrent starts for one customer" suite starts 50

# --- crash: kill -9 of Payara Micro in the middle of the writers --------------------------------
if want crash; then
say "crash: $WRITERS writers for 90 s, kill -9 of Payara Micro after 25 s, restart"
suite crash-load "$WRITERS" 90 > "$WORK/crash.out" 2>&1 &
LOAD=$!
sleep 25
kill -9 "$APP_PID"; echo "killed Payara Micro ($APP_PID) at $(date +%T)" | tee -a "$LOG"
sleep 3
start_app
wait "$LOAD"; rc=$?
grep -E '^(RESULT|  )' "$WORK/crash.out" | tee -a "$LOG"
((rc == 0)) || FAILED+=("crash")
fi

# --- database faults: frozen for $FREEZE s, then killed and restarted, under writers -----------
if want dbfault; then
say "database faults: $WRITERS writers for 150 s; SIGSTOP of mariadbd for $FREEZE s at 15 s; kill -9 at 75 s, restart 10 s later"
suite dbfault-load "$WRITERS" 150 > "$WORK/dbfault.out" 2>&1 &
LOAD=$!
probe() {  # probe LABEL SECONDS: /health/live, /login.xhtml and /health/ready every second
    local end=$((SECONDS + $2)) worst_live=0 worst_login=0 live_bad=0 login_bad=0 ready_down_after=""
    local t0=$SECONDS
    while ((SECONDS < end)); do
        read -r live_code live_t < <(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' "$BASE/health/live")
        read -r login_code login_t < <(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' "$BASE/login.xhtml")
        ready_code=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$BASE/health/ready")
        [[ "$live_code" == 200 ]] || live_bad=$((live_bad + 1))
        [[ "$login_code" == 200 ]] || login_bad=$((login_bad + 1))
        [[ -z "$ready_down_after" && "$ready_code" == 503 ]] && ready_down_after=$((SECONDS - t0))
        worst_live=$(python3 -c "print(max($worst_live, $live_t))")
        worst_login=$(python3 -c "print(max($worst_login, $login_t))")
        sleep 1
    done
    echo "RESULT probe $1: /health/live not 200: $live_bad, slowest $worst_live s; /login.xhtml not 200: $login_bad, slowest $worst_login s; /health/ready DOWN after ${ready_down_after:-never} s" | tee -a "$LOG"
    [[ $live_bad -eq 0 && $login_bad -eq 0 && -n "$ready_down_after" ]]
}
sleep 15
kill -STOP "$DB_PID"; echo "froze mariadbd ($DB_PID) at $(date +%T)" | tee -a "$LOG"
probe "while frozen" "$FREEZE" || FAILED+=("liveness/login/readiness while frozen")
kill -CONT "$DB_PID"; echo "thawed mariadbd at $(date +%T)" | tee -a "$LOG"
T_THAW=$SECONDS
await_ready 60 && echo "RESULT recovery after the freeze: ready again $((SECONDS - T_THAW)) s after SIGCONT" | tee -a "$LOG"
sleep $((75 - 15 - FREEZE - (SECONDS - T_THAW) > 0 ? 75 - 15 - FREEZE - (SECONDS - T_THAW) : 1))
kill -9 "$DB_PID"; echo "killed mariadbd ($DB_PID) at $(date +%T)" | tee -a "$LOG"
probe "while the database is down" 10 || FAILED+=("liveness/login/readiness while the database is down")
start_db || FAILED+=("mariadbd restart")
T_UP=$SECONDS
await_ready 60 && echo "RESULT recovery after the kill: ready again $((SECONDS - T_UP)) s after mariadbd restarted" | tee -a "$LOG"
wait "$LOAD"; rc=$?
grep -E '^(RESULT|  )' "$WORK/dbfault.out" | tee -a "$LOG"
((rc == 0)) || FAILED+=("database faults")
fi

say "summary (also in $LOG)"
grep '^RESULT' "$LOG"
if ((${#FAILED[@]})); then
    echo "RELIABILITY: FAIL (${FAILED[*]})"
    exit 1
fi
echo "RELIABILITY: PASS"
