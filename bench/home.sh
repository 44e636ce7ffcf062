#!/usr/bin/env bash
# The coordinator's home (issue 17) at region scale: the data of the pathway benchmark (300,000
# patients on the mental-health pathway, 600 GPs and 600 nurses, 3.9 million steps, the ruptures the
# daily job marks), plus 6,000 requests for a médecin traitant (4,000 waiting over a year, 2,000
# proposed to the GPs), four pharmacy rosters with a turn in ten left empty over 35 days, 600
# members of the association with their fees half paid, three meetings ahead, five announcements
# asking acknowledgement from the 600 GPs and the coordinator, 50 conversations with the coordinator
# (urgent messages among them). Then GET / (the HTML page, every card) as the coordinator: 50 users
# with 1 s think time, then saturation. Needs psql. Load generator, application and database on
# this machine.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
db_port=${DB_PORT:-15499}
patients=${1:-300000}
build_jar
start_app "${BENCH_PORT:-18099}" "$out/app-home.log" -Dmaillage.database.port=$db_port -Dmaillage.database.shared-buffers=${SHARED_BUFFERS:-4GB} \
  -Dmaillage.security.totp-required-for= ${APP_OPTS:-}
auth=(-H "Authorization: Bearer $TOKEN")
psql_() { PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p $db_port -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
cpts=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"name":"CPTS Banc accueil","siret":"89273929300017","address":"1 place de la Mairie","email":"contact@banc.fr","phone":"0400000000","slug":"banc-accueil"}' \
  $BASE/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
psql_ -c "insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'COORDINATOR' from user_account where email = 'bench@maillage.test'"
template=$(curl -s -X POST "${auth[@]}" $BASE/api/v1/cpts/$cpts/pathway-templates/examples \
  | python3 -c 'import json,sys; print([t["id"] for t in json.load(sys.stdin) if t["name"].startswith("Santé mentale")][0])')
echo "== writing the region: $patients patients and their pathways, requests, rosters, members, announcements, messages"
t0=$(date +%s)
{ pathways_sql "$cpts" "$template" "$patients"; cat <<SQL
-- the coordinator measured: a coordinator by role only (not an administrator), with an API token
insert into user_account (id, email, display_name) values ('00000000-0000-0000-0000-0000000c0a11', 'coordination@banc.test', 'Coordination');
insert into cpts_role (user_id, cpts_id, role) values ('00000000-0000-0000-0000-0000000c0a11', '$cpts', 'COORDINATOR');
insert into api_token (id, user_id, name, token_hash, expires_at) values (gen_random_uuid(), '00000000-0000-0000-0000-0000000c0a11', 'banc', sha256(convert_to('banc-coordination', 'UTF8')), now() + interval '1 year');
insert into gp_request (id, cpts_id, patient_id, source, status, filed_at, practitioner_id, proposed_at)
  select gen_random_uuid(), '$cpts', e.patient, 'PROFESSIONNEL', case when e.n % 3 = 0 then 'PROPOSED' else 'PENDING' end, now() - (e.n % 365) * interval '1 day',
    case when e.n % 3 = 0 then gp.id end, case when e.n % 3 = 0 then now() - (e.n % 20) * interval '1 day' end
  from enr e join gp on gp.n = (e.n % (select count(*) from gp)) + 1 where e.n <= 6000;
insert into oncall_roster (id, cpts_id, kind, name, pattern, shift_start, shift_end)
  select gen_random_uuid(), '$cpts', 'PHARMACIE', 'Pharmacies secteur ' || g, 'DAILY', '09:00', '09:00' from generate_series(1, 4) g;
insert into oncall_shift (id, roster_id, starts_at, ends_at, practitioner_id, assignee_label)
  select gen_random_uuid(), r.id, d + interval '9 hours', d + interval '33 hours', case when k % 10 <> 0 then gp.id end, case when k % 10 <> 0 then 'Pharmacie ' || gp.n end
  from oncall_roster r cross join generate_series(0, 34) k cross join lateral (select date_trunc('day', now()) + k * interval '1 day' as d) x
  join gp on gp.n = k + 1 where r.cpts_id = '$cpts';
insert into college (id, cpts_id, name, professions) values (gen_random_uuid(), '$cpts', 'Médecins', '{10}');
insert into member (id, cpts_id, college_id, practitioner_id, status, since)
  select gen_random_uuid(), '$cpts', (select id from college where cpts_id = '$cpts'), gp.id, 'ACTIVE', current_date - 400 from gp;
insert into fee_rate (id, cpts_id, year, college_id, amount_cents)
  values (gen_random_uuid(), '$cpts', extract(year from current_date)::int, (select id from college where cpts_id = '$cpts'), 3000);
insert into fee_payment (id, cpts_id, member_id, year, amount_cents, paid_on, method, receipt_number, recorded_by)
  select gen_random_uuid(), '$cpts', m.id, extract(year from current_date)::int, 3000, current_date, 'VIREMENT', row_number() over (),
    '00000000-0000-0000-0000-0000000c0a11' from member m where m.cpts_id = '$cpts' and abs(hashtext(m.id::text)) % 2 = 0;
insert into meeting (id, cpts_id, kind, title, starts_at, ends_at, place)
  select gen_random_uuid(), '$cpts', 'CA', 'Conseil ' || g, now() + g * interval '10 days', now() + g * interval '10 days' + interval '2 hours', 'Salle' from generate_series(1, 3) g;
insert into announcement (id, cpts_id, author_id, title, body, audience, audience_label, ask_ack, created_at)
  select gen_random_uuid(), '$cpts', '00000000-0000-0000-0000-0000000c0a11', 'Annonce ' || g, 'Texte', 'CPTS_MEMBERS', 'Tous', true, now() - g * interval '3 days'
  from generate_series(1, 5) g;
insert into announcement_recipient (id, announcement_id, user_id, label, acknowledged_at)
  select gen_random_uuid(), a.id, u.id, 'x', case when abs(hashtext(u.id::text || a.id::text)) % 2 = 0 then now() end
  from announcement a cross join (select id from gp union all select '00000000-0000-0000-0000-0000000c0a11'::uuid) u where a.cpts_id = '$cpts';
insert into conversation (id, cpts_id, kind, created_by, last_message_at)
  select ('00000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, '$cpts', 'DIRECT', '00000000-0000-0000-0000-0000000c0a11', now() from generate_series(1, 50) g;
insert into conversation_participant (conversation_id, user_id, last_read_at)
  select c.id, '00000000-0000-0000-0000-0000000c0a11', now() - interval '1 day' from conversation c where c.cpts_id = '$cpts'
  union all select ('00000000-0000-0000-0000-' || lpad(gp.n::text, 12, '0'))::uuid, gp.id, now() from gp where gp.n <= 50;
insert into message (id, conversation_id, author_id, body, urgent, created_at)
  select gen_random_uuid(), c.id, gp.id, 'Message ' || k, k % 20 = 0, now() - k * interval '1 hour'
  from conversation c join conversation_participant p on p.conversation_id = c.id and p.user_id <> '00000000-0000-0000-0000-0000000c0a11'
  join gp on gp.id = p.user_id cross join generate_series(1, 10) k where c.cpts_id = '$cpts';
analyze;
SQL
} | psql_
echo "written in $(( $(date +%s) - t0 )) s"
echo "== the daily rupture job, once (marks every rupture so far)"
curl -s -X POST "${auth[@]}" $BASE/api/v1/admin/jobs/pathway-ruptures; echo
psql_ -c "vacuum analyze" -c "checkpoint"
echo "banc-coordination" >"$out/home-token.txt"
echo "x" >"$out/home-queries.txt"
curl -s -o "$out/home.html" -w "GET / as the coordinator: HTTP %{http_code}, %{size_download} bytes, %{time_total} s\n" -H "Authorization: Bearer banc-coordination" $BASE/
python3 - "$out/home.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding='utf-8').read()
for key, fig in re.findall(r'data-card="([^"]+)">.*?(?:<p class="figure">(\d+)</p>|<p class="text">)', html, re.S):
    print(f"  {key}: {fig or '-'}")
PY
if [ -n "${HOLD:-}" ]; then
  # to look inside before the load: psql on the port below (user postgres, password in the data folder), EXPLAIN the cards' queries
  echo "holding ${HOLD} s: application on $BASE, database on 127.0.0.1:$db_port"; sleep "$HOLD"
fi
run() { java -Dpages=true bench/LoadTest.java users $BASE "@$out/home-token.txt" "$out/home-queries.txt" "$@"; }
warmup=${WARMUP:-60}
echo "(the first $warmup s at the same load warm the JIT up; not reported)"
run 50 1000 "$warmup" "/?v=" >/dev/null
dur=${DURATION:-60}
for k in 1 2 3; do run 50 1000 "$dur" "/?v="; done
run 50 0 $((dur / 2)) "/?v="
run 16 0 $((dur / 2)) "/?v="
echo "== for comparison, the same load on a page of the layout alone (/compte: the menu, the account)"
run 50 1000 "$dur" "/compte?v="
