#!/usr/bin/env bash
# Issue 19, registration storm: a public event with 500 places; 1,000 registrations from 200 clients
# spread over 10 s (each client its own address through the trusted proxy), three times on fresh
# events; then saturation (200 clients, closed loop). Checks the capacity exactly: 500 registered,
# the rest waiting in order. Load generator, application and database on this machine. Needs psql.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
db_port=${DB_PORT:-15503}
build_jar
start_app "${BENCH_PORT:-18103}" "$out/app-events.log" -Dmaillage.database.port=$db_port -Dmaillage.proxy.trusted=127.0.0.1,::1 \
  -Dmaillage.prevention.public-limit=1000 -Dmaillage.security.totp-required-for= ${APP_OPTS:-}
auth=(-H "Authorization: Bearer $TOKEN")
psql_() { PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p $db_port -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
cpts=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"name":"CPTS Banc prévention","siret":"89273929300017","address":"1 place de la Mairie","email":"contact@banc.fr","phone":"0400000000","slug":"banc-prevention"}' \
  $BASE/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
psql_ -c "insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'COORDINATOR' from user_account where email = 'bench@maillage.test' on conflict do nothing"
day=$(date -d "+20 days" +%Y-%m-%d)
new_event() {
  curl -s "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Conférence $1\",\"audience\":\"PUBLIC\",\"startsAt\":\"${day}T19:30\",\"endsAt\":\"${day}T22:00\",\"place\":\"Salle\",\"capacity\":\"${2:-500}\"}" \
    $BASE/api/v1/cpts/$cpts/events | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
check() {
  psql_ -tA -c "select count(*) filter (where status = 'REGISTERED') || ' registered, ' || count(*) filter (where status = 'WAITING') || ' waiting; in order: ' ||
    bool_and(status = case when rn <= ${2:-500} then 'REGISTERED' else 'WAITING' end) || '; distinct positions: ' || (count(distinct position) = count(*))
    from (select status, position, row_number() over (order by position) rn from event_registration where event_id = '$1') x"
}
# the e-mails of a run are written by listeners after each registration's commit: let them finish before the next run
drain() { until [ "$(psql_ -tA -c "select count(*) from event_publication where completion_date is null")" = "0" ]; do sleep 1; done; }
echo "(warm-up: three rounds of 1,000 registrations, not reported: the first minute after start runs cold)"
for w in 1 2 3; do java bench/RegistrationStorm.java $BASE "$(new_event "warmup $w")" 200 1000 10 "warmup$w" >/dev/null; drain; done
for k in 1 2 3; do
  drain
  ev=$(new_event "run $k")
  java bench/RegistrationStorm.java $BASE "$ev" 200 1000 10 "r$k"
  echo "  $(check "$ev")"
done
drain
echo "== 200 simultaneous registrations for 50 places (the concurrency test at full size)"
ev=$(new_event "cinquante" 50)
java bench/RegistrationStorm.java $BASE "$ev" 200 200 0 fifty
echo "  $(check "$ev" 50)"
drain
echo "== saturation: 200 clients, closed loop"
ev=$(new_event saturation)
java bench/RegistrationStorm.java $BASE "$ev" 200 2000 0 sat
echo "  $(check "$ev")"
echo "  e-mails queued: $(psql_ -tA -c "select count(*) from outbox_message")"
