#!/usr/bin/env bash
# Proves the README's MySQL settings: the packaged WAR on Payara Micro, switched to MariaDB by
# environment variables alone, keeps its data across a restart.
#   needs: handoff-web/target/{handoff.war,payara-micro.jar}, MariaDB on 127.0.0.1:3306 with user
#   handoff/handoff allowed on handoff_% (see .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

DB=handoff_restart_check
KEY=hk_restartCheckKey00000000000000000
PORT=${RESTART_CHECK_PORT:-28180}
WORK=.ci/work/restart-check
mkdir -p "$WORK"
BASE="http://127.0.0.1:$PORT"

mysql -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"

export HANDOFF_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?useSSL=false&allowPublicKeyRetrieval=true"
export HANDOFF_DB_USER=handoff HANDOFF_DB_PASSWORD=handoff
export HANDOFF_DEMO_ENABLED=true HANDOFF_DEMO_API_KEY=$KEY

PID=
stop() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; PID=; }
trap stop EXIT

start() {
    java -jar handoff-web/target/payara-micro.jar --deploy handoff-web/target/handoff.war --port "$PORT" --nocluster \
        --postbootcommandfile handoff-web/target/post-boot-commands.asadmin \
        >"$WORK/micro-$1.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 180); do
        if curl -fs "$BASE/health/ready" >/dev/null 2>&1; then return 0; fi
        kill -0 "$PID" 2>/dev/null || { tail -50 "$WORK/micro-$1.log"; echo "RESTART CHECK: FAIL (server died)"; exit 1; }
        sleep 1
    done
    tail -50 "$WORK/micro-$1.log"; echo "RESTART CHECK: FAIL (not ready in 180 s)"; exit 1
}

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

start first
grep -q "MySQL" <(curl -fs "$BASE/health/ready") || { echo "RESTART CHECK: FAIL (not on MySQL)"; exit 1; }
ID=$(curl -fs -X POST "$BASE/api/v1/conversations" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d '{"customer":{"externalId":"restart-1","name":"Ren Start"},"channel":"web"}' | json 'd["id"]')
curl -fs -X POST "$BASE/api/v1/conversations/$ID/messages" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d '{"author":"customer","text":"I was charged twice, I want to talk to a person"}' >/dev/null
echo "created conversation $ID on MariaDB; restarting"
stop

start second
grep -q "demo data kept from an earlier start" "$WORK/micro-second.log" || { echo "RESTART CHECK: FAIL (demo data loaded twice?)"; exit 1; }
STATE=$(curl -fs "$BASE/api/v1/conversations/$ID" -H "Authorization: Bearer $KEY" | json 'd["state"], d["messageCount"], d["customer"]["name"]')
echo "after restart: $STATE"
[[ "$STATE" == "queued "*" Ren Start" ]] || { echo "RESTART CHECK: FAIL (expected 'queued <n> Ren Start')"; exit 1; }
# the customer's words survive, with whatever Handoff told the customer since (transition message, queue notices)
TEXTS=$(curl -fs "$BASE/api/v1/conversations/$ID/messages?after=0" -H "Authorization: Bearer $KEY" \
    | json '"\n".join(m["author"] + ": " + m["text"] for m in d["messages"])')
echo "$TEXTS" | sed 's/^/    /'
grep -qx "customer: I was charged twice, I want to talk to a person" <<<"$TEXTS" \
    || { echo "RESTART CHECK: FAIL (the customer's message is not there after the restart)"; exit 1; }
COUNT=$(awk '{print $2}' <<<"$STATE")
[[ "$COUNT" == "$(grep -c . <<<"$TEXTS")" ]] || { echo "RESTART CHECK: FAIL (message count $COUNT does not match the transcript)"; exit 1; }
echo "RESTART CHECK: PASS"
