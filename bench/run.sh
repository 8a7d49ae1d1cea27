#!/usr/bin/env bash
# Handoff's load benchmarks, one command (see bench/README.md):
#   bash bench/run.sh [driver options, e.g. --seconds 30 --label "after"]     message ingest
#   BENCH_DRIVER=desk bash bench/run.sh [--phases offer,refresh,soak ...]      offer push, inbox/queue, soak
#   BENCH_NODES=2 bash bench/run.sh [--label "two servers"]                  message ingest over two servers
#     (one data grid on 127.0.0.1; the bot API round robin over both; the references on the first)
# Builds the product WAR and the reference WAR, recreates the bench databases, starts ONE Payara
# Micro with both WARs on MariaDB, drives it with bench/driver/LoadDriver.java and stops it again.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${BENCH_PORT:-18400}"
DB="${BENCH_DB:-handoff_bench}"
REF_DB="${DB}_ref"
OUT="${BENCH_OUT:-bench/results}"
KEY="hk_benchbenchbenchbenchbench0001"
mkdir -p "$OUT"

if curl -s -o /dev/null "http://127.0.0.1:${PORT}/" 2>/dev/null; then
  echo "port ${PORT} is already in use (another bench still running?); set BENCH_PORT"; exit 1
fi

# 1. MariaDB, and fresh databases for Handoff and for the reference write
if ! mysqladmin -uroot ping >/dev/null 2>&1; then
  start-stop-daemon --start --oknodo --background --exec "$(command -v mariadbd)" -- --user=mysql
  for _ in $(seq 1 30); do mysqladmin -uroot ping >/dev/null 2>&1 && break; sleep 1; done
fi
mysql -uroot <<SQL
DROP DATABASE IF EXISTS ${DB};
DROP DATABASE IF EXISTS ${REF_DB};
CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE ${REF_DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'handoff'@'127.0.0.1' IDENTIFIED BY 'handoff';
CREATE USER IF NOT EXISTS 'handoff'@'localhost' IDENTIFIED BY 'handoff';
GRANT ALL ON ${DB}.* TO 'handoff'@'127.0.0.1';
GRANT ALL ON ${DB}.* TO 'handoff'@'localhost';
GRANT ALL ON ${REF_DB}.* TO 'handoff'@'127.0.0.1';
GRANT ALL ON ${REF_DB}.* TO 'handoff'@'localhost';
SQL

# 2. Build (BENCH_SKIP_BUILD=1 reuses what is in target/; BENCH_WAR=path runs another Handoff WAR, e.g. an older build)
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo "building handoff.war and reference.war ..."
  mvn -B -q -pl handoff-web -am clean package -DskipTests
  mvn -B -q -f bench/reference/pom.xml clean package
fi

# 3. One Payara Micro, Handoff and the references side by side
JDBC="jdbc:mysql://127.0.0.1:3306/%s?useSSL=false&allowPublicKeyRetrieval=true"
JAVA_OPTS=(-Xms1g -Xmx2g "-Xlog:gc:file=${OUT}/gc.log:uptime,level")
DRIVER="${BENCH_DRIVER:-ingest}"
EXTRA_ENV=()
ACCESS_LOG=()
if [ "$DRIVER" = desk ]; then
  # hundreds of agents sign in through the form: cheap hashes for the bench users (the sign-in is not measured)
  EXTRA_ENV+=(HANDOFF_SECURITY_PASSWORD_ITERATIONS=1000)
  # the server's own time per request (ms), for the refresh phase's server-time figures
  rm -rf "${OUT}/access" && mkdir -p "${OUT}/access"
  ACCESS_LOG=(--accesslog "${OUT}/access" --accesslogformat '%datetime% %request% %status% %time-taken%' --accessloginterval 0)
fi
if [ -n "${BENCH_JFR:-}" ]; then
  JAVA_OPTS+=("-XX:StartFlightRecording=settings=profile" "-XX:FlightRecorderOptions=stackdepth=256")
fi
LOG="${OUT}/payara.log"
NODES="${BENCH_NODES:-1}"
GRID=(--nocluster)
if [ "$NODES" = 2 ]; then
  # two servers, one data grid of their own (issue 16): discovery names both
  GRID_PORT=$((PORT + 200))
  GRID=(--clustername "handoff-bench-$$" --clustermode "tcpip:127.0.0.1:${GRID_PORT},127.0.0.1:$((GRID_PORT + 10))"
        --startport "$GRID_PORT" --interfaces 127.0.0.1)
fi
echo "starting Payara Micro on port ${PORT} (log: ${LOG}) ..."
HANDOFF_DB_URL="$(printf "$JDBC" "$DB")" HANDOFF_DB_USER=handoff HANDOFF_DB_PASSWORD=handoff \
HANDOFF_DEMO_ENABLED=true HANDOFF_DEMO_API_KEY="$KEY" HANDOFF_CLUSTER_NODE_NAME=bench-1 \
  env "${EXTRA_ENV[@]}" java "${JAVA_OPTS[@]}" \
    -Dbench.db.url="$(printf "$JDBC" "$REF_DB")" -Dbench.db.user=handoff -Dbench.db.password=handoff \
    -Dbench.handoff.app="$(basename "${BENCH_WAR:-handoff.war}" .war)" \
    -Dhandoff.public-url="http://localhost:${PORT}/" \
    -jar handoff-web/target/payara-micro.jar \
    --deploy "${BENCH_WAR:-handoff-web/target/handoff.war}" --deploy bench/reference/target/reference.war \
    --port "$PORT" "${GRID[@]}" "${ACCESS_LOG[@]}" >"$LOG" 2>&1 &
MICRO=$!
MICRO2=""
trap 'kill $MICRO $MICRO2 2>/dev/null; wait $MICRO $MICRO2 2>/dev/null || true' EXIT
ALSO=()
if [ "$NODES" = 2 ]; then
  PORT2=$((PORT + 1))
  GRID2=("${GRID[@]}")
  GRID2[5]=$((GRID_PORT + 10))
  echo "starting the second server on port ${PORT2} (log: ${OUT}/payara-2.log) ..."
  HANDOFF_DB_URL="$(printf "$JDBC" "$DB")" HANDOFF_DB_USER=handoff HANDOFF_DB_PASSWORD=handoff \
  HANDOFF_DEMO_ENABLED=true HANDOFF_DEMO_API_KEY="$KEY" HANDOFF_CLUSTER_NODE_NAME=bench-2 \
    env "${EXTRA_ENV[@]}" java -Xms1g -Xmx2g -Dhandoff.public-url="http://localhost:${PORT2}/" \
      -jar handoff-web/target/payara-micro.jar --deploy "${BENCH_WAR:-handoff-web/target/handoff.war}" \
      --port "$PORT2" "${GRID2[@]}" >"${OUT}/payara-2.log" 2>&1 &
  MICRO2=$!
  ALSO=(--also "http://127.0.0.1:${PORT2}")
fi

for i in $(seq 1 240); do
  if ! kill -0 $MICRO 2>/dev/null; then echo "Payara Micro exited; see $LOG"; exit 1; fi
  ping=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT}/reference/api/ping" || true)
  api=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "http://127.0.0.1:${PORT}/api/v1/conversations/none" || true)
  api2=404
  [ "$NODES" = 2 ] && api2=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "http://127.0.0.1:${PORT2}/api/v1/conversations/none" || true)
  [ "$ping" = 200 ] && [ "$api" = 404 ] && [ "$api2" = 404 ] && break
  [ "$i" = 240 ] && { echo "Payara Micro not ready after 240 s (ping $ping, api $api, second server $api2); see $LOG"; exit 1; }
  sleep 1
done
echo "ready after ${i} s"

# 4. Drive it
if [ "$DRIVER" = desk ]; then
  java bench/desk/DeskBench.java --base "http://127.0.0.1:${PORT}" --key "$KEY" --out "$OUT" --pid "$MICRO" --gc-log "${OUT}/gc.log" --access-log "${OUT}/access" --db "$DB" "$@"
else
  java bench/driver/LoadDriver.java --base "http://127.0.0.1:${PORT}" "${ALSO[@]}" --key "$KEY" --out "$OUT" "$@"
fi
if [ -n "${BENCH_JFR:-}" ]; then
  jcmd "$MICRO" JFR.dump filename="$(cd "$OUT" && pwd)/handoff.jfr" >/dev/null && echo "flight recording: ${OUT}/handoff.jfr"
fi
