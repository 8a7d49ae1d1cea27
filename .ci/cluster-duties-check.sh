#!/usr/bin/env bash
# Issue 16 (first part, ADR 0038): two Handoff servers on one MariaDB database.
#   1. Both start at the same moment on an empty database: it is set up once (one published trigger
#      set, no template or article twice) and both deployments succeed.
#   2. Exactly one server does the cluster-wide duties (/ops/metrics: handoff_cluster_duties_held);
#      the SLA sweep runs on it and never on the other (handoff_cluster_duty_runs_total).
#   3. A trigger set published on one server is live on the other (POST /api/v1/evaluate): the time is
#      printed; it fails past 10 s (the servers look once a second; CI machines may be busy).
#   4. kill -9 of the holder: the other takes the duties over (the grid notices the death and its leases end
#      at once, ADR 0051: 1-3 s; else the lease, 8 s, renewed every second: 7-9 s; fails past 10 s).
#   5. The killed server starts again and does not take the duties back.
#   6. A rolling restart of both servers under bot load loses no acknowledged message and leaves no
#      ghost presence; an agent signed in on both servers stays online while one restarts.
#   2c, 7. One routing engine per cluster (ADR 0044): see those blocks.
#   2d. A portal sign-in on one server is carried to the other when the browser lands there without
#       a session, and a sign-out ends it on both (ADR 0048).
#   The servers form one Payara data grid (Hazelcast, TCP/IP discovery on 127.0.0.1, a cluster name of
#   the check's own), and pushes cross it (ADR 0042): both see 2 members, and a bot's event stream on
#   one server receives every message posted through the other (.ci/grid_push_probe.py: 20 messages,
#   each within 5 s; the latencies are printed), before the kill and again from the restarted server.
#   needs: handoff-web/target/{handoff.war,payara-micro.jar}, MariaDB on 127.0.0.1:3306 with user
#   handoff/handoff allowed on handoff_% (see .ci/run), python3
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${CLUSTER_CHECK_DB:-handoff_cluster_check}
KEY=hk_clusterCheckBotKey00000000000000
ADMIN_KEY=hk_clusterCheckAdminKey000000000000
TOKEN=cluster-check-scrape-token
PORT_A=${CLUSTER_CHECK_PORT_A:-28291}
PORT_B=${CLUSTER_CHECK_PORT_B:-28292}
GRID_PORT_A=${CLUSTER_CHECK_GRID_PORT_A:-28400}
GRID_PORT_B=${CLUSTER_CHECK_GRID_PORT_B:-28410}
GRID_NAME=handoff-cluster-check-$$
WORK=.ci/work/cluster-duties
rm -rf "$WORK" && mkdir -p "$WORK"
T0=$SECONDS

mysql -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
sql() { mysql -uroot -N -B "$DB" -e "$1"; }

export HANDOFF_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?useSSL=false&allowPublicKeyRetrieval=true"
export HANDOFF_DB_USER=handoff HANDOFF_DB_PASSWORD=handoff
export HANDOFF_DEMO_ENABLED=true HANDOFF_DEMO_API_KEY=$KEY HANDOFF_DEMO_ADMIN_API_KEY=$ADMIN_KEY
export HANDOFF_METRICS_SCRAPE_TOKEN=$TOKEN HANDOFF_SLA_SWEEP_SECONDS=1
# presence lasts 30 s without a heartbeat here (120 s by default), so that step 7 sees ghosts go in time
export HANDOFF_PRESENCE_TTL_SECONDS=30 HANDOFF_PRESENCE_CHECK_SECONDS=5

declare -A PID=([a]="" [b]="")
declare -A PORT=([a]=$PORT_A [b]=$PORT_B)
declare -A GRID_PORT=([a]=$GRID_PORT_A [b]=$GRID_PORT_B)
stop() {
    # the probes and portal agents first: a probe left running posts into the next run's servers
    [[ -n "${STOP:-}" ]] && touch "$STOP" 2>/dev/null
    for p in $(jobs -p); do [[ " ${PID[*]} " == *" $p "* ]] || kill "$p" 2>/dev/null || true; done
    for n in a b; do
        [[ -n "${PID[$n]}" ]] && kill "${PID[$n]}" 2>/dev/null && wait "${PID[$n]}" 2>/dev/null || true
        PID[$n]=""
    done
}
trap stop EXIT
fail() { echo "CLUSTER DUTIES CHECK: FAIL ($1)"; for n in a b; do echo "--- node $n, last lines"; tail -30 "$WORK/micro-$n.log" 2>/dev/null || true; done; exit 1; }
say() { echo "[$((SECONDS - T0))s] $*"; }

launch() { # node, log suffix
    HANDOFF_PUBLIC_URL="http://127.0.0.1:${PORT[$1]}/" HANDOFF_CLUSTER_NODE_NAME="node-$1" \
        java -jar handoff-web/target/payara-micro.jar --deploy handoff-web/target/handoff.war --port "${PORT[$1]}" \
        --clustername "$GRID_NAME" --clustermode "tcpip:127.0.0.1:$GRID_PORT_A,127.0.0.1:$GRID_PORT_B" --startport "${GRID_PORT[$1]}" --interfaces 127.0.0.1 \
        --postbootcommandfile handoff-web/target/post-boot-commands.asadmin >>"$WORK/micro-$1.log" 2>&1 &
    PID[$1]=$!
}
ready() { # node
    for _ in $(seq 1 400); do
        curl -fs "http://127.0.0.1:${PORT[$1]}/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "${PID[$1]}" 2>/dev/null || fail "node $1 died while starting"
        sleep 1
    done
    fail "node $1 not ready in 400 s"
}
metric() { # node, metric line prefix -> value or empty
    curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:${PORT[$1]}/ops/metrics" | awk -v m="$2" 'index($0, m" ") == 1 {print $2}'
}
held() { metric "$1" handoff_cluster_duties_held; }
sweeps() { local v; v=$(metric "$1" 'handoff_cluster_duty_runs_total{duty="sla-sweep"}'); echo "${v:-0}"; }
members() { local v; v=$(metric "$1" handoff_grid_members); echo "${v:-0}"; }
probe() { # posting node, listening node
    local out
    out=$(python3 .ci/grid_push_probe.py "http://127.0.0.1:${PORT[$1]}" "http://127.0.0.1:${PORT[$2]}" "$KEY" 20) \
        || fail "a message posted through node $1 did not reach the event stream on node $2: $out"
    say "pushes cross the grid, node $1 -> node $2: $out"
}

# --- 1. two servers start together on an empty database -----------------------------------------
launch a
launch b
ready a
ready b
say "both servers ready"
published=$(sql "SELECT COUNT(*) FROM trigger_set_version WHERE status = 'PUBLISHED'")
[[ "$published" == 1 ]] || fail "$published published trigger sets after two starts, expected 1"
dup=$(sql "SELECT COUNT(*) FROM (SELECT name FROM reply_template GROUP BY name HAVING COUNT(*) > 1) d")
[[ "$dup" == 0 ]] || fail "$dup reply templates seeded twice"
dup=$(sql "SELECT COUNT(*) FROM (SELECT title FROM help_article GROUP BY title HAVING COUNT(*) > 1) d")
[[ "$dup" == 0 ]] || fail "$dup help articles seeded twice"
grep -q "Waiting for node-" "$WORK"/micro-*.log && say "one server waited for the other's set-up" || say "the set-ups did not overlap"
say "set up once: 1 published trigger set, no template or article twice"

# --- 2. exactly one holder; the SLA sweep runs there only ----------------------------------------
sleep 3
ha=$(held a); hb=$(held b)
[[ "$ha$hb" == "10" || "$ha$hb" == "01" ]] || fail "duties held: a=$ha b=$hb, expected exactly one"
if [[ "$ha" == 1 ]]; then H=a; O=b; else H=b; O=a; fi
s1=$(sweeps "$H"); o1=$(sweeps "$O")
sleep 6
s2=$(sweeps "$H"); o2=$(sweeps "$O")
(( s2 > s1 )) || fail "the holder's SLA sweep did not run ($s1 -> $s2)"
[[ "$o1" == 0 && "$o2" == 0 ]] || fail "the SLA sweep ran on the other server too ($o1 -> $o2)"
say "node $H does the duties: SLA sweeps $s1 -> $s2 there, $o2 on node $O"

# --- 2b. one data grid; a stream on one server hears of messages posted through the other ----------
for _ in $(seq 1 30); do [[ "$(members a)$(members b)" == 22 ]] && break; sleep 1; done
[[ "$(members a)$(members b)" == 22 ]] || fail "grid members seen: a=$(members a) b=$(members b), expected 2 and 2"
say "one data grid of 2 servers"
for n in a b; do
    grep -q "portal sessions and activity are kept in the data grid" "$WORK/micro-$n.log" \
        || fail "node $n keeps agents' portal sessions to itself (GridSessionBook did not join the grid)"
done
say "both servers keep agents' portal sessions in the grid (presence follows an agent across servers)"
probe "$H" "$O"
# 2d. a portal sign-in carried to the other server (ADR 0048)
for n in a b; do
    grep -q "Portal sign-ins are kept in the data grid" "$WORK/micro-$n.log" || fail "node $n keeps portal sign-ins to itself"
done
carried=$(python3 .ci/routing_cluster_probe.py carried-sign-in "http://127.0.0.1:${PORT[$H]}" "http://127.0.0.1:${PORT[$O]}") \
    || fail "a sign-in on node $H was not carried to node $O, or outlived its sign-out: $carried"
say "a sign-in on node $H is carried to node $O (no password asked) and ends everywhere at sign-out: $carried"

# --- 2c. one routing engine per cluster (ADR 0044; block kept apart from the others) --------------
#   Exactly one server holds the routing lease (handoff_routing_engine_holder); an escalation posted
#   through the other server is offered by the holder's engine and pushed to alice's inbox socket on
#   that other server (over the grid); 1,000 accepts of that offer through
#   alice's portal sessions on both servers at once assign it exactly once; the engine's tick runs on
#   the holder only (handoff_routing_engine_ticks_total), and the other server's routing requests are
#   drained (handoff_routing_requests_total, routing_request empty).
routing_held() { metric "$1" handoff_routing_engine_holder; }
engine_ticks() { local v; v=$(metric "$1" handoff_routing_engine_ticks_total); echo "${v:-0}"; }
routing_requests() { local v; v=$(metric "$1" "handoff_routing_requests_total{event=\"$2\"}"); echo "${v:-0}"; }
ra=$(routing_held a); rb=$(routing_held b)
[[ "$ra$rb" == "10" || "$ra$rb" == "01" ]] || fail "routing engine held: a=$ra b=$rb, expected exactly one"
if [[ "$ra" == 1 ]]; then R=a; N=b; else R=b; N=a; fi
k1=$(engine_ticks "$R"); n1=$(engine_ticks "$N")
race=$(python3 .ci/routing_cluster_probe.py offer-and-race "http://127.0.0.1:${PORT[$R]}" "http://127.0.0.1:${PORT[$N]}" "$KEY" "$DB" 1000) \
    || fail "the escalation through node $N and the accept race: $race"
say "node $R routes: an escalation posted through node $N was offered and accepted exactly once: $race"
sleep 2
k2=$(engine_ticks "$R"); n2=$(engine_ticks "$N")
(( k2 > k1 )) || fail "the routing engine on node $R did not tick ($k1 -> $k2)"
[[ "$n1" == 0 && "$n2" == 0 ]] || fail "the routing engine ticked on node $N too ($n1 -> $n2)"
recorded=$(routing_requests "$N" recorded); drained=$(routing_requests "$R" drained)
(( recorded > 0 && drained > 0 )) || fail "routing requests: $recorded written on node $N, $drained drained on node $R"
left=$(sql "SELECT COUNT(*) FROM routing_request")
[[ "$left" == 0 ]] || fail "$left routing requests left undrained"
say "routing ticks: node $R $k1 -> $k2, node $N $n2; routing requests: $recorded written on node $N, $drained drained on node $R, 0 left"
# the race's chat is done with: closed, so that it cannot come back to the queue later (alice's reply
# timer runs out during the restarts) and take a seat another block counts on
race_id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["conversation"])' "$race")
curl -fs -o /dev/null -X POST -H "Authorization: Bearer $KEY" "http://127.0.0.1:${PORT[$R]}/api/v1/conversations/$race_id/close" \
    || fail "closing the race's chat $race_id"

# --- 3. a trigger set published on one server is live on the other -------------------------------
evaluate() { # node -> escalated true/false for the test phrase
    curl -fs -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
        -d '{"text":"please tell me about the purple giraffe"}' "http://127.0.0.1:${PORT[$1]}/api/v1/evaluate" \
        | python3 -c 'import json,sys; print(str(json.load(sys.stdin)["escalated"]).lower())'
}
[[ "$(evaluate "$O")" == false ]] || fail "the test phrase escalates before the publish"
curl -fs -H "Authorization: Bearer $ADMIN_KEY" "http://127.0.0.1:${PORT[$H]}/api/v1/admin/trigger-sets/live" > "$WORK/live.json"
python3 - "$WORK/live.json" "$WORK/draft.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["triggers"].append({"name": "cluster-check", "kind": "phrase", "description": "A phrase only this check uses.",
    "enabled": True, "priority": 10, "skills": ["general"], "phrases": ["purple giraffe"], "negations": [],
    "label": "cluster check"})
json.dump(doc, open(sys.argv[2], "w"))
PY
curl -fs -X PUT -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' --data-binary @"$WORK/draft.json" \
    "http://127.0.0.1:${PORT[$H]}/api/v1/admin/trigger-sets/draft" >/dev/null || fail "the draft was refused"
curl -fs -X POST -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' -d '{"note":"cluster check"}' \
    "http://127.0.0.1:${PORT[$H]}/api/v1/admin/trigger-sets/draft/publish" >/dev/null || fail "the publish was refused"
published_at=$(date +%s%N)
live_ms=""
while (( ($(date +%s%N) - published_at) / 1000000 < 10000 )); do
    if [[ "$(evaluate "$O")" == true ]]; then live_ms=$(( ($(date +%s%N) - published_at) / 1000000 )); break; fi
    sleep 0.1
done
[[ -n "$live_ms" ]] || fail "the set published on node $H is not live on node $O within 10 s"
[[ "$(evaluate "$H")" == true ]] || fail "the publishing server does not use its new set"
say "a trigger set published on node $H is live on node $O after ${live_ms} ms (nudged over the grid; a poll a second is the fallback)"

# --- 4. kill -9 of the holder: the other takes over ----------------------------------------------
kill -9 "${PID[$H]}"; wait "${PID[$H]}" 2>/dev/null || true; PID[$H]=""
killed=$SECONDS
took=""
for _ in $(seq 1 40); do
    if [[ "$(held "$O")" == 1 ]]; then took=$((SECONDS - killed)); break; fi
    sleep 0.5
done
[[ -n "$took" ]] || fail "node $O did not take the duties over within 20 s"
(( took <= 10 )) || fail "node $O took the duties over after $took s (expected 1-3 s when the grid notices the death, at most the lease, 8 s, plus renewals; fails past 10 s)"
t1=$(sweeps "$O"); sleep 4; t2=$(sweeps "$O")
(( t2 > t1 )) || fail "the SLA sweep does not run on node $O after the take-over ($t1 -> $t2)"
say "node $H killed; node $O took the duties over after $took s and sweeps ($t1 -> $t2)"

# --- 5. the killed server comes back and leaves the duties where they are ------------------------
launch "$H"
ready "$H"
sleep 5
[[ "$(held "$H")" == 0 && "$(held "$O")" == 1 ]] || fail "after the restart: held a=$(held a) b=$(held b), expected node $O only"
[[ "$(sweeps "$H")" == 0 ]] || fail "the restarted node $H swept although node $O holds the duties"
say "node $H restarted: node $O keeps the duties, node $H swept 0 times"
# the survivor may list the killed member until the grid's heartbeat time-out: 2 or more
for _ in $(seq 1 30); do (( $(members "$H") >= 2 )) && break; sleep 1; done
(( $(members "$H") >= 2 )) || fail "the restarted node $H has not rejoined the grid within 30 s ($(members "$H") member)"
probe "$H" "$O"

# --- 6. a rolling restart under load: nothing acknowledged is lost, no ghost presence -------------
# Bots post over both servers (.ci/rolling_load_probe.py, retrying on the other server with the same
# clientMessageId while one restarts); alice works in the portal on both servers (two devices), bob on
# node a only (.ci/portal_agent.py: form sign-in, inbox, a heartbeat every 5 s). Node a stops (SIGTERM)
# and starts again, then node b. Checks: every acknowledged message is stored exactly once; alice
# stays online while node a restarts (her session on node b counts: ADR 0045); once both restarted,
# nobody whose session died with a server is still online after the presence time-to-live.
verify_acked() { # the probe's JSON: every acknowledged message stored exactly once
    python3 - "$1" <<PY
import json, subprocess, sys
acked = json.load(open(sys.argv[1]))["acknowledged"]
assert len(acked) >= 50, "too few messages acknowledged during the restarts: %d" % len(acked)
rows = subprocess.run(["mysql", "-uroot", "-N", "-B", "$DB", "-e",
                       "SELECT conversation_id, text FROM message WHERE text LIKE 'rolling %'"],
                      capture_output=True, text=True, check=True).stdout.splitlines()
stored = [tuple(r.split("\t", 1)) for r in rows]
counts = {}
for key in stored:
    counts[key] = counts.get(key, 0) + 1
lost = [a for a in acked if counts.get(tuple(a), 0) == 0]
twice = [k for k, n in counts.items() if n > 1]
print("acknowledged %d, stored %d, lost %d, stored twice %d" % (len(acked), len(stored), len(lost), len(twice)))
sys.exit(1 if lost or twice else 0)
PY
}
presence_of() { sql "SELECT a.presence FROM agent a JOIN app_user u ON u.id = a.user_id WHERE u.username = '$1'"; }
restart() { # node
    kill "${PID[$1]}"; wait "${PID[$1]}" 2>/dev/null || true; PID[$1]=""
    launch "$1"; ready "$1"
}
STOP="$WORK/rolling.stop"; rm -f "$STOP"
python3 .ci/portal_agent.py "http://127.0.0.1:${PORT[a]}" alice handoff-demo "$STOP" > "$WORK/alice-a.log" 2>&1 &
AGENTS=($!)
python3 .ci/portal_agent.py "http://127.0.0.1:${PORT[b]}" alice handoff-demo "$STOP" > "$WORK/alice-b.log" 2>&1 &
AGENTS+=($!)
python3 .ci/portal_agent.py "http://127.0.0.1:${PORT[a]}" bob handoff-demo "$STOP" > "$WORK/bob-a.log" 2>&1 &
AGENTS+=($!)
for _ in $(seq 1 120); do
    (( $(cat "$WORK"/alice-a.log "$WORK"/alice-b.log "$WORK"/bob-a.log 2>/dev/null | grep -c "signed in") == 3 )) && break; sleep 1
done
(( $(cat "$WORK"/alice-a.log "$WORK"/alice-b.log "$WORK"/bob-a.log | grep -c "signed in") == 3 )) \
    || fail "the agents could not sign in: $(cat "$WORK"/alice-a.log "$WORK"/alice-b.log "$WORK"/bob-a.log | tail -5)"
[[ "$(presence_of alice)$(presence_of bob)" == ONLINEONLINE ]] || fail "signed in, alice is $(presence_of alice) and bob $(presence_of bob)"
python3 .ci/rolling_load_probe.py "http://127.0.0.1:${PORT[a]}" "http://127.0.0.1:${PORT[b]}" "$KEY" "$STOP" "$WORK/rolling.json" \
    > "$WORK/rolling.out" 2>&1 &
LOAD=$!
sleep 5
say "rolling restart under load: alice signed in on both servers, bob on node a; restarting node a"
restart a
sleep 6
[[ "$(presence_of alice)" == ONLINE ]] || fail "alice went $(presence_of alice) while node a restarted, although she works on node b"
say "node a back; alice still online (her session on node b counts); restarting node b"
restart b
sleep 5
touch "$STOP"
wait "$LOAD" || fail "the load probe failed: $(tail -5 "$WORK/rolling.out")"
for p in "${AGENTS[@]}"; do wait "$p" 2>/dev/null || true; done
say "load during the restarts: $(cat "$WORK/rolling.out")"
verify_acked "$WORK/rolling.json" || fail "acknowledged messages lost or stored twice"
# both restarted: alice's and bob's sessions died with their servers; presence lasts 30 s without a heartbeat
for _ in $(seq 1 60); do [[ "$(presence_of alice)$(presence_of bob)" == OFFLINEOFFLINE ]] && break; sleep 1; done
[[ "$(presence_of alice)$(presence_of bob)" == OFFLINEOFFLINE ]] \
    || fail "ghost presence after the rolling restart: alice $(presence_of alice), bob $(presence_of bob)"
say "after the rolling restart: nothing acknowledged lost or doubled; alice and bob offline (no ghost)"

# --- 7. kill -9 of the routing engine's server (ADR 0044; block kept apart from the others) -------
#   A handoff offered before the kill stays routed (its offer taken over, or offered anew); one
#   escalated through the survivor right after the kill waits as a routing request and is offered once
#   the survivor has taken routing over (about 1 s when the grid notices the death, ADR 0051; fails past
#   10 s). All of it under bot load over both servers: every acknowledged message is stored exactly once,
#   and no chat is offered to two agents at once.
ra=$(routing_held a); rb=$(routing_held b)
[[ "$ra$rb" == "10" || "$ra$rb" == "01" ]] || fail "routing engine held before the kill: a=$ra b=$rb, expected exactly one"
# chats the earlier blocks left open are closed first (through the API, as a bot would): carol's two
# seats are for this block's two escalations
for open_id in $(sql "SELECT id FROM conversation WHERE state IN ('QUEUED', 'ASSIGNED')"); do
    curl -fs -o /dev/null -X POST -H "Authorization: Bearer $KEY" "http://127.0.0.1:${PORT[a]}/api/v1/conversations/$open_id/close" \
        || say "could not close chat $open_id left open by an earlier block"
done
# mid-load: bots keep posting over both servers (retrying on the survivor) while the engine's server
# dies; they ask for nobody here, so that carol's two seats go to this block's two escalations
STOP="$WORK/kill.stop"; rm -f "$STOP"
python3 .ci/rolling_load_probe.py "http://127.0.0.1:${PORT[a]}" "http://127.0.0.1:${PORT[b]}" "$KEY" "$STOP" "$WORK/kill.json" 0 \
    > "$WORK/kill.out" 2>&1 &
LOAD=$!
sleep 5
if [[ "$ra" == 1 ]]; then R=a; N=b; else R=b; N=a; fi
before=$(python3 .ci/routing_cluster_probe.py escalate "http://127.0.0.1:${PORT[$R]}" "$KEY" carol) || fail "escalating through node $R: $before"
python3 .ci/routing_cluster_probe.py routed "$DB" "$before" 15 >/dev/null || fail "the handoff escalated through node $R was not routed"
kill -9 "${PID[$R]}"; wait "${PID[$R]}" 2>/dev/null || true; PID[$R]=""
killed=$SECONDS
# the escalation through the survivor runs beside the watch for the take-over: right after a kill the
# survivor's first answers can take seconds (seen: 7-10 s for the conversation's creation; the cause is
# not known yet), and the take-over is timed on its own, not after that answer
python3 .ci/routing_cluster_probe.py escalate "http://127.0.0.1:${PORT[$N]}" "$KEY" carol > "$WORK/after.txt" 2> "$WORK/after.err" &
ESCALATE=$!
took=""
for _ in $(seq 1 60); do
    if [[ "$(routing_held "$N")" == 1 ]]; then took=$((SECONDS - killed)); break; fi
    sleep 0.5
done
wait "$ESCALATE" || fail "escalating through node $N: $(cat "$WORK/after.txt" "$WORK/after.err")"
after=$(cat "$WORK/after.txt")
escalate_s=$((SECONDS - killed))
[[ -n "$took" ]] || fail "node $N did not take routing over within 30 s"
(( took <= 10 )) || fail "node $N took routing over after $took s (expected 1-3 s when the grid notices the death; fails past 10 s)"
routed=$(python3 .ci/routing_cluster_probe.py routed "$DB" "$after" 20) || fail "the handoff escalated through node $N after the kill was not routed: $routed"
python3 .ci/routing_cluster_probe.py routed "$DB" "$before" 5 >/dev/null || fail "the handoff routed before the kill lost its offer"
for _ in $(seq 1 10); do [[ "$(sql "SELECT COUNT(*) FROM routing_request")" == 0 ]] && break; sleep 0.5; done
[[ "$(sql "SELECT COUNT(*) FROM routing_request")" == 0 ]] || fail "routing requests left undrained after the take-over"
sleep 3
touch "$STOP"
wait "$LOAD" || fail "the load probe failed during the kill: $(tail -5 "$WORK/kill.out")"
say "load during the kill: $(cat "$WORK/kill.out")"
verify_acked "$WORK/kill.json" || fail "acknowledged messages lost or stored twice across the kill of the engine's server"
twice=$(sql "SELECT COUNT(*) FROM (SELECT conversation_id FROM offer WHERE state = 'PENDING' GROUP BY conversation_id HAVING COUNT(*) > 1) d")
[[ "$twice" == 0 ]] || fail "$twice chats offered to two agents at once after the take-over"
say "node $R (routing) killed; node $N took routing over after $took s; a handoff escalated through it meanwhile (its POSTs answered $escalate_s s after the kill) was routed $routed s after; the one offered before is still routed"

echo "CLUSTER DUTIES CHECK: PASS in $((SECONDS - T0)) s"
