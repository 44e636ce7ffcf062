#!/usr/bin/env bash
# Maillage benchmarks, at the scale the issues name. Never run in CI.
# The load generator, the application and its embedded PostgreSQL all run on this machine.
#   bench/run.sh            everything (about 4 minutes)
#   bench/run.sh startup    only the start-up times
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
here=bench
out=$here/out
mkdir -p "$out"
for d in ${JAVA_HOME:-} /usr/lib/jvm/*; do
  if [ -x "$d/bin/javac" ] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then export JAVA_HOME=$d; break; fi
done
export PATH="$JAVA_HOME/bin:$PATH"
PORT=${BENCH_PORT:-18090}
BASE=http://127.0.0.1:$PORT
TOKEN=bench-token-2f7c1e9a4b6d8f0a3c5e7b9d1f2a4c6e
what=${1:-all}

./mvnw -q -B -DskipTests package >"$out/build.log" 2>&1
jar=$(ls target/maillage-*.jar | grep -v original | head -1)
data=$(mktemp -d /tmp/maillage-bench.XXXX)
pid=""
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; pid=""; }
trap 'stop; rm -rf "$data"' EXIT

# Seconds from launch until /actuator/health answers, in $took.
start() {
  local t0; t0=$(date +%s.%N)
  MAILLAGE_ADMIN_EMAIL=bench@maillage.test MAILLAGE_ADMIN_PASSWORD=Bench-Password-2026 MAILLAGE_ADMIN_TOKEN=$TOKEN \
    java -jar "$jar" --server.port=$PORT --maillage.database.directory="$data/postgres" >>"$out/app.log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null "$BASE/actuator/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "the application stopped: see $out/app.log" >&2; exit 1; }
    sleep 0.1
  done
  took=$(python3 -c "print(round($(date +%s.%N) - $t0, 2))")
}

echo "== start-up ($(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; java -jar, embedded PostgreSQL 17)"
start; echo "first start (database initialisation + reference data): ${took} s"; stop
for i in 1 2 3; do start; echo "restart on the existing data directory #$i: ${took} s"; [ $i -lt 3 ] && stop; done
[ "$what" = startup ] && exit 0

python3 $here/make-inputs.py ../shared "$out" >/dev/null
cpts=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"CPTS Bench","siret":"89273929300017","address":"x","email":"b@b.fr","phone":"0400000000","slug":"cpts-bench"}' \
  $BASE/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

echo "== territory preview (500 lines, messy, 3 départements), sequential"
java $here/LoadTest.java preview $BASE $TOKEN "$cpts" "$out/list-500.txt" 50
echo "== commune autocomplete, GET /api/v1/communes?q="
java $here/LoadTest.java users $BASE $TOKEN "$out/queries.txt" 50 1000 60 "/api/v1/communes?q="
echo "== commune autocomplete, saturation (closed loop, no wait)"
java $here/LoadTest.java users $BASE $TOKEN "$out/queries.txt" 16 0 30 "/api/v1/communes?q="
java $here/LoadTest.java users $BASE $TOKEN "$out/queries.txt" 50 0 30 "/api/v1/communes?q="
