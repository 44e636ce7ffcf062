#!/usr/bin/env bash
# Issue 16, crash tests at full size (CI runs one of each: RestartAfterCrashTest, BookingCrashTest,
# RppsImportCrashTest). With the default configuration (no fixed database port):
#   ROUNDS times: start, book distinct slots under load (20 users, closed loop) for 2 to 6 s, then
#   kill -9 the JVM (odd rounds) or the JVM and the PostgreSQL postmaster (even rounds); at the next
#   start, with no manual step, every booking acknowledged (201) before the kill must be there, and
#   no event publication may stay incomplete once the node is up.
#   Then an RPPS import of 100,000 lines killed while it runs: at the next start it is FAILED with
#   its reason and its uploaded file is gone.
#   bench/crash.sh [ROUNDS]        (default 20 rounds, about 6 minutes; needs psql)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
rounds=${1:-20}
port=${BENCH_PORT:-18099}
BASE=http://127.0.0.1:$port
build_jar
data=$(mktemp -d /tmp/maillage-crash.XXXX)
pid=""
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; pm=$(head -1 "$data/postgres/postmaster.pid" 2>/dev/null || true); [ -n "$pm" ] && kill $pm 2>/dev/null; sleep 1; rm -rf "$data"' EXIT
auth=(-H "Authorization: Bearer $TOKEN")

start() { # start LOG: the default configuration, on the one data directory; sets pid and seconds (to /actuator/health)
  local t0; t0=$(date +%s.%N)
  MAILLAGE_ADMIN_EMAIL=bench@maillage.test MAILLAGE_ADMIN_PASSWORD=Bench-Password-2026 MAILLAGE_ADMIN_TOKEN=$TOKEN \
    java -jar "$jar" --server.port=$port --maillage.database.directory="$data/postgres" --maillage.files.directory="$data/files" \
    >"$1" 2>&1 &
  pid=$!
  until curl -s -o /dev/null "$BASE/actuator/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "the application did not start again:"; tail -30 "$1"; echo "PostgreSQL:"; tail -30 "$data/postgres.log"; exit 1; }
    sleep 0.1
  done
  seconds=$(python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$t0" "$(date +%s.%N)")
}
db_port() { sed -n 's/.*Database: jdbc:postgresql:\/\/localhost:\([0-9]*\)\/.*/\1/p' "$1" | tail -1; }
psql_() { PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p "$(db_port "$log")" -U postgres -d postgres -v ON_ERROR_STOP=1 -tA "$@"; }

log="$out/app-crash-0.log"
start "$log"
file="$out/rpps-2000.txt"
[ -s "$file" ] || python3 bench/make-rpps.py 2000 "$file" >/dev/null
id=$(curl -s "${auth[@]}" -F "file=@$file" $BASE/api/v1/imports/rpps | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -s "${auth[@]}" $BASE/api/v1/imports/$id | grep -q '"status":"DONE"'; do sleep 0.5; done
cpts=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"name":"CPTS Banc panne","siret":"89273929300017","address":"1 place de la Mairie","email":"contact@banc.fr","phone":"0400000000","slug":"banc-panne"}' \
  $BASE/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
psql_ <<SQL
insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'COORDINATOR' from user_account where email = 'bench@maillage.test' on conflict do nothing;
$(slots_sql "$cpts")
SQL
psql_ -c "select id from snp_slot where starts_at > now() + interval '1 day' order by random()" >"$out/crash-slots.txt"
echo "$(wc -l <"$out/crash-slots.txt") slots to book"

acknowledged="$out/crash-acknowledged.txt"
: >"$acknowledged"
restarts=()
lost_total=0
for round in $(seq 1 "$rounds"); do
  per=2000
  sed -n "$(( (round - 1) * per + 1 )),$(( round * per ))p" "$out/crash-slots.txt" >"$out/crash-slots-round.txt"
  java bench/BookingLoad.java $BASE $TOKEN "$out/crash-slots-round.txt" 20 "$acknowledged" >/dev/null 2>&1 &
  load=$!
  sleep "$(python3 -c "import random; print(round(random.uniform(2, 6), 1))")"
  postmaster=$(head -1 "$data/postgres/postmaster.pid")
  kill -9 "$pid"
  what="JVM"
  if [ $((round % 2)) = 0 ]; then kill -9 "$postmaster"; what="JVM and PostgreSQL"; fi
  wait "$pid" 2>/dev/null || true
  kill "$load" 2>/dev/null || true; wait "$load" 2>/dev/null || true
  log="$out/app-crash-$round.log"
  start "$log"
  restarts+=("$seconds")
  acked=$(sort -u "$acknowledged" | wc -l)
  # every acknowledged booking is there after the crash (loaded into a temporary table, compared in the database)
  lost=$( (echo "create temp table ack (slot uuid); copy ack from stdin;"; sort -u "$acknowledged"; echo '\.';
           echo "select count(*) from ack a where not exists (select 1 from snp_booking b where b.slot_id = a.slot and b.cancelled_at is null);") \
          | psql_ | tail -1)
  pending=""
  for _ in $(seq 1 30); do
    pending=$(psql_ -c "select count(*) from event_publication where completion_date is null")
    [ "$pending" = 0 ] && break
    sleep 1
  done
  lost_total=$((lost_total + lost))
  echo "round $round: killed the $what; started again in ${seconds} s; acknowledged so far $acked, lost $lost; incomplete event publications after 30 s: $pending"
  [ "$pending" = 0 ] || { echo "FAILED: event publications left incomplete"; exit 1; }
done
python3 -c "import sys; t=sorted(map(float, sys.argv[1:])); print('restarts: %d, all without a manual step; p50 %.1f s, max %.1f s' % (len(t), t[len(t)//2], t[-1]))" "${restarts[@]}"
echo "acknowledged bookings: $(sort -u "$acknowledged" | wc -l), lost: $lost_total"
[ "$lost_total" = 0 ] || { echo "FAILED: acknowledged bookings lost"; exit 1; }

echo "== an RPPS import killed while it runs"
big="$out/rpps-100000.txt"
[ -s "$big" ] || python3 bench/make-rpps.py 100000 "$big" >/dev/null
id=$(curl -s "${auth[@]}" -F "file=@$big" $BASE/api/v1/imports/rpps | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -s "${auth[@]}" $BASE/api/v1/imports/$id | grep -q '"status":"RUNNING"'; do sleep 0.1; done
sleep 1
echo "uploads before the kill: $(find "$data/files" -type f | wc -l) file(s), $(du -sh "$data/files" | cut -f1)"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
log="$out/app-crash-import.log"
start "$log"
status=$(curl -s "${auth[@]}" $BASE/api/v1/imports/$id)
echo "started again in $seconds s; the import: $(echo "$status" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["status"], "-", j.get("problem") or "")')"
echo "uploads left: $(find "$data/files" -type f | wc -l) file(s)"
echo "$status" | grep -q '"status":"FAILED"' || { echo "FAILED: the interrupted import is not marked failed"; exit 1; }
[ "$(find "$data/files" -type f | wc -l)" = 0 ] || { echo "FAILED: the interrupted import's upload is still there"; exit 1; }
echo "crash bench passed"
