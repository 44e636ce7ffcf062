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
psql_ <<SQL
set synchronous_commit = off;
create temp table gp as select gen_random_uuid() as id, g as n from generate_series(1, $pros) g;
create temp table ide as select gen_random_uuid() as id, g as n from generate_series(1, $pros) g;
insert into practitioner (id, last_name, first_name, profession_code, profession_label, source, search_text)
  select id, 'MEDECIN' || n, 'Banc', '10', 'Médecin', 'MANUAL', 'medecin' || n from gp
  union all select id, 'INFIRMIER' || n, 'Banc', '60', 'Infirmier', 'MANUAL', 'infirmier' || n from ide;
insert into user_account (id, email, display_name) select id, 'gp' || n || '@banc.test', 'Médecin ' || n from gp;
insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'MEMBER' from gp;
insert into account_link_directory (id, user_id, practitioner_id, status, origin, created_by)
  select gen_random_uuid(), id, id, 'ACTIVE', 'COORDINATOR', id from gp;
insert into api_token (id, user_id, name, token_hash) select gen_random_uuid(), id, 'banc', sha256(convert_to('banc-parcours-' || n, 'UTF8')) from gp;
create temp table enr as
  select gen_random_uuid() as id, gen_random_uuid() as patient, g as n, current_date - (g % 1095) as start from generate_series(1, $patients) g;
insert into patient (id, cpts_id, birth_name, first_names, birth_date, sex, commune_code, identity_key)
  select patient, '$cpts', 'PATIENT' || n, 'Banc', date '1950-01-01' + (n % 20000), case when n % 2 = 0 then 'F' else 'M' end, '04112', 'PATIENT' || n || '|BANC' from enr;
insert into pathway_enrolment (id, cpts_id, template_id, template_version, patient_id, start_date, horizon, consent_how, consent_at, created_by)
  select e.id, '$cpts', '$template', 1, e.patient, e.start, (e.start + interval '36 months')::date, 'ORAL', now(), (select id from user_account where email = 'bench@maillage.test') from enr e;
insert into pathway_circle_member (id, enrolment_id, practitioner_id, role, label)
  select gen_random_uuid(), e.id, gp.id, 'MEDECIN_GENERALISTE', 'Médecin' from enr e join gp on gp.n = (e.n % $pros) + 1
  union all select gen_random_uuid(), e.id, ide.id, 'IPA', 'IPA' from enr e join ide on ide.n = (e.n % $pros) + 1;
-- the schedule as the engine writes it without anything done: psychiatric consultations every 12 months, the GP 6 months
-- after each, the IPA 3 and 9 months after each, within the 36 months
create temp table occ as
  select e.id as enrolment, 'psy' as key, 0 as anchor_rank, k + 1 as rank, (e.start + make_interval(months => 12 * k))::date as due, 30 as grace, 'PSYCHIATRE' as role
    from enr e cross join generate_series(0, 3) k
  union all select e.id, s.key, k + 1, 1, (e.start + make_interval(months => 12 * k + s.m))::date, s.grace, s.role
    from enr e cross join generate_series(0, 3) k
    cross join (values ('mg', 6, 30, 'MEDECIN_GENERALISTE'), ('ipa3', 3, 15, 'IPA'), ('ipa9', 9, 15, 'IPA')) as s(key, m, grace, role);
delete from occ o using enr e where e.id = o.enrolment and o.due > (e.start + interval '36 months')::date;
insert into pathway_step (id, enrolment_id, step_key, anchor_rank, rank, title, role, due_date, grace_days, status, done_date)
  select gen_random_uuid(), enrolment, key, anchor_rank, rank, key, role, due, grace,
    case when due < current_date - 40 and abs(hashtext(enrolment::text || key || anchor_rank)) % 12 <> 0 then 'DONE' else 'DUE' end,
    case when due < current_date - 40 and abs(hashtext(enrolment::text || key || anchor_rank)) % 12 <> 0 then due end
  from occ order by enrolment, due;  -- as the application writes them: an enrolment's schedule at once
analyze;
SQL
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
