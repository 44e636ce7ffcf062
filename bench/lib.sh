#!/usr/bin/env bash
# Shared by the benchmark scripts: a JDK 25, the application jar, and one running instance
# with an unattended administrator and its API token, on a data directory of its own.
out=bench/out; mkdir -p "$out"
TOKEN=bench-token-2f7c1e9a4b6d8f0a3c5e7b9d1f2a4c6e
for d in ${JAVA_HOME:-} /usr/lib/jvm/*; do
  if [ -x "$d/bin/javac" ] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then export JAVA_HOME=$d; break; fi
done
export PATH="$JAVA_HOME/bin:$PATH"

build_jar() {
  ./mvnw -q -B -DskipTests package >"$out/build.log" 2>&1
  jar=$(ls target/maillage-*.jar | grep -v original | head -1)
}

# start_app PORT LOG [JVM options...]: starts the jar on a fresh data directory and waits for it.
start_app() {
  local port=$1 log=$2; shift 2
  BASE=http://127.0.0.1:$port
  data=$(mktemp -d /tmp/maillage-bench.XXXX)
  MAILLAGE_ADMIN_EMAIL=bench@maillage.test MAILLAGE_ADMIN_PASSWORD=Bench-Password-2026 MAILLAGE_ADMIN_TOKEN=$TOKEN \
    java "$@" -jar "$jar" --server.port=$port --maillage.database.directory="$data/postgres" --maillage.files.directory="$data/files" >"$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
  until curl -s -o /dev/null "$BASE/actuator/health"; do sleep 0.2; done
}

# The embedded database's owner password (generated at its first start, beside its data folder),
# for psql and pgbench: the application's own role cannot load benchmark data into every table.
owner_password() { sed -n 's/^owner.password=//p' "$data/postgres.credentials"; }

# slots_sql CPTS: SQL giving every professional with an active place 40 slots of 20 minutes in CPTS,
# spread over the next 30 days from 7:00 (the day and hour from a hash of their id).
slots_sql() {
  cat <<SQL
insert into snp_slot (id, cpts_id, practitioner_id, owner_label, kind, profession_code, commune_code, starts_at, ends_at)
select gen_random_uuid(), '$1', x.id, x.last_name, 'CABINET', x.profession_code, x.commune_code, t, t + interval '20 minutes'
from (select distinct on (p.id) p.id, p.last_name, p.profession_code, a.commune_code, abs(hashtext(p.id::text)) % 30 as h
      from practitioner p join practitioner_activity a on a.practitioner_id = p.id where a.active and p.profession_code is not null
      order by p.id, a.commune_code) x
cross join lateral (select date_trunc('day', now()) + ((g - 1) % 30 + 1) * interval '1 day' + interval '7 hours'
                           + ((g * 7 + x.h) % 30) * interval '20 minutes' as t from generate_series(1, 40) g) s;
analyze snp_slot;
SQL
}

# pathways_sql CPTS TEMPLATE PATIENTS: SQL writing PATIENTS patients enrolled on TEMPLATE (the shipped
# mental-health example) over the past three years, PATIENTS/500 GPs (accounts, API tokens
# "banc-parcours-N", linked to the directory) and as many nurses in their circles, and the
# schedules as the engine writes them, the steps due more than 40 days ago done but one in twelve.
pathways_sql() {
  cat <<SQL
set synchronous_commit = off;
create temp table gp as select gen_random_uuid() as id, g as n from generate_series(1, $(( $3 / 500 ))) g;
create temp table ide as select gen_random_uuid() as id, g as n from generate_series(1, $(( $3 / 500 ))) g;
insert into practitioner (id, last_name, first_name, profession_code, profession_label, source, search_text)
  select id, 'MEDECIN' || n, 'Banc', '10', 'Médecin', 'MANUAL', 'medecin' || n from gp
  union all select id, 'INFIRMIER' || n, 'Banc', '60', 'Infirmier', 'MANUAL', 'infirmier' || n from ide;
insert into user_account (id, email, display_name) select id, 'gp' || n || '@banc.test', 'Médecin ' || n from gp;
insert into cpts_role (user_id, cpts_id, role) select id, '$1', 'MEMBER' from gp;
insert into account_link_directory (id, user_id, practitioner_id, status, origin, created_by)
  select gen_random_uuid(), id, id, 'ACTIVE', 'COORDINATOR', id from gp;
insert into api_token (id, user_id, name, token_hash, expires_at) select gen_random_uuid(), id, 'banc', sha256(convert_to('banc-parcours-' || n, 'UTF8')), now() + interval '1 year' from gp;
create temp table enr as
  select gen_random_uuid() as id, gen_random_uuid() as patient, g as n, current_date - (g % 1095) as start from generate_series(1, $3) g;
insert into patient (id, cpts_id, birth_name, first_names, birth_date, sex, commune_code, identity_key)
  select patient, '$1', 'PATIENT' || n, 'Banc', date '1950-01-01' + (n % 20000), case when n % 2 = 0 then 'F' else 'M' end, '04112', 'PATIENT' || n || '|BANC' from enr;
insert into pathway_enrolment (id, cpts_id, template_id, template_version, patient_id, start_date, horizon, consent_how, consent_at, created_by)
  select e.id, '$1', '$2', 1, e.patient, e.start, (e.start + interval '36 months')::date, 'ORAL', now(), (select id from user_account where email = 'bench@maillage.test') from enr e;
insert into pathway_circle_member (id, enrolment_id, practitioner_id, role, label)
  select gen_random_uuid(), e.id, gp.id, 'MEDECIN_GENERALISTE', 'Médecin' from enr e join gp on gp.n = (e.n % $(( $3 / 500 ))) + 1
  union all select gen_random_uuid(), e.id, ide.id, 'IPA', 'IPA' from enr e join ide on ide.n = (e.n % $(( $3 / 500 ))) + 1;
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
}
