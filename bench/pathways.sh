#!/usr/bin/env bash
# Care-pathway benchmark (issue 7) at region scale: 300,000 patients enrolled on seed 000's
# mental-health pathway (the shipped example, 36 months), started over the past three years, each
# with a GP and a nurse in their circle (600 GPs and 600 nurses, 500 patients each, every GP with an
# account and an API token); the schedule written as the application computes it (about 13 steps a
# patient), the steps due more than 40 days ago done on their date but one in twelve. Then:
#   ruptures  POST /api/v1/admin/jobs/pathway-ruptures: the daily job's first pass (every rupture
#             so far), the same again (idempotent: nothing), and a realistic day (one day of steps
#             reopened), timed by the application
#   tasks     GET /api/v1/me/tasks (this week and what is late), 50 GPs, 1 s think time; then saturation
# Needs psql. Load generator, application and database on this machine.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
db_port=${DB_PORT:-15498}
patients=${1:-300000}
build_jar
# the rupture job's e-mails go to a local SMTP sink: undelivered, they would be retried during the load
sink_port=${SINK_PORT:-2526}
java bench/SmtpSink.java $sink_port 100000000 >"$out/smtp-sink-pathways.log" 2>&1 &
sink=$!
# a region's server: PostgreSQL gets a quarter of the memory for its cache (MAILLAGE_DATABASE_SHARED_BUFFERS)
start_app "${BENCH_PORT:-18097}" "$out/app-pathways.log" -Dmaillage.database.port=$db_port -Dmaillage.database.shared-buffers=${SHARED_BUFFERS:-4GB} \
  -Dspring.mail.host=127.0.0.1 -Dspring.mail.port=$sink_port
trap 'kill $pid $sink 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
auth=(-H "Authorization: Bearer $TOKEN")
psql_() { PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p $db_port -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
cpts=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"name":"CPTS Banc parcours","siret":"89273929300017","address":"1 place de la Mairie","email":"contact@banc.fr","phone":"0400000000","slug":"banc-parcours"}' \
  $BASE/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
psql_ -c "insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'COORDINATOR' from user_account where email = 'bench@maillage.test'"
template=$(curl -s -X POST "${auth[@]}" $BASE/api/v1/cpts/$cpts/pathway-templates/examples \
  | python3 -c 'import json,sys; print([t["id"] for t in json.load(sys.stdin) if t["name"].startswith("Santé mentale")][0])')
pros=$((patients / 500))
echo "== writing $patients patients, $pros GPs and $pros nurses, the schedules"
t0=$(date +%s)
pathways_sql "$cpts" "$template" "$patients" | psql_
echo "written in $(( $(date +%s) - t0 )) s"
psql_ -tA -c "select count(*) || ' enrolments, ' || (select count(*) from pathway_step) || ' steps, ' || (select count(*) from pathway_step where status = 'DUE' and due_date + grace_days < current_date) || ' overdue' from pathway_enrolment"
psql_ -tA -c "select 'banc-parcours-' || g from generate_series(1, $pros) g" >"$out/pathway-tokens.txt"

echo "== the daily rupture job (timed by the application)"
job() { curl -s -X POST "${auth[@]}" $BASE/api/v1/admin/jobs/pathway-ruptures; echo; }
echo -n "first pass (every rupture so far): "; job
echo -n "again, same day (idempotent): "; job
psql_ -c "update pathway_step set overdue_at = null where status = 'DUE' and due_date + grace_days = current_date - 1"
echo -n "a realistic day (yesterday's ruptures): "; job

# the job runs at dawn; by the time people look at their tasks its e-mails are sent and the
# database has cleaned up after it
echo -n "== waiting for the job's e-mails to leave: "
until [ "$(psql_ -tA -c "select count(*) from outbox_message where status in ('PENDING', 'SENDING')")" = 0 ]; do sleep 2; done
psql_ -tA -c "select count(*) || ' sent' from outbox_message where status = 'SENT'"
psql_ -c "vacuum analyze pathway_step" -c "checkpoint"
if [ -n "${KEEP:-}" ]; then echo "kept for inspection: psql -h 127.0.0.1 -p $db_port -U postgres"; sleep "$KEEP"; fi
echo "== my tasks this week, GPs with 500 patients each"
monday=$(python3 -c 'import datetime; d=datetime.date.today(); print(d - datetime.timedelta(days=d.weekday()))')
echo "$monday" >"$out/pathway-weeks.txt"
run() { java bench/LoadTest.java users $BASE "@$out/pathway-tokens.txt" "$out/pathway-weeks.txt" "$@"; }
warmup=${WARMUP:-120}
echo "(the first $warmup s at the same load warm the JIT up; not reported)"
run 50 1000 "$warmup" "/api/v1/me/tasks?from=" >/dev/null
for k in 1 2 3; do run 50 1000 60 "/api/v1/me/tasks?from="; done
run 50 0 30 "/api/v1/me/tasks?from="
