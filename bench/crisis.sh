#!/usr/bin/env bash
# Issue 20, crisis alert at region scale: N professionals (25,000 by default) members of a CPTS with an
# API token each; the plan and an exercise; an alert to all of them, timed until every inbox has it;
# then their availability answers posted by 200 clients (closed loop) while the referent's board is
# read every 250 ms. Load generator, application and database on this machine. Needs psql.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
n=${N:-25000}
db_port=${DB_PORT:-15504}
build_jar
start_app "${BENCH_PORT:-18104}" "$out/app-crisis.log" -Dmaillage.database.port=$db_port -Dmaillage.security.totp-required-for= ${APP_OPTS:-}
auth=(-H "Authorization: Bearer $TOKEN")
psql_() { PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p $db_port -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
cpts=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"name":"CPTS Banc crise","siret":"89273929300017","address":"1 place de la Mairie","email":"contact@banc.fr","phone":"0400000000","slug":"banc-crise"}' \
  $BASE/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
bench_user=$(psql_ -tA -c "select id from user_account where email = 'bench@maillage.test'")
psql_ -c "insert into cpts_role (user_id, cpts_id, role) select '$bench_user', '$cpts', 'COORDINATOR' on conflict do nothing"
echo "== $n professionals, each with an API token"
psql_ <<SQL
insert into user_account (id, email, display_name, admin)
  select gen_random_uuid(), 'pro' || k || '@crise.mssante.fr', 'Professionnel ' || k, false from generate_series(1, $n) k;
insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'MEMBER' from user_account where email like '%@crise.mssante.fr';
insert into api_token (id, user_id, name, token_hash, expires_at)
  select gen_random_uuid(), id, 'banc', sha256(convert_to('crise-' || email, 'UTF8')), now() + interval '1 day'
  from user_account where email like '%@crise.mssante.fr';
SQL
psql_ -tA -c "select 'crise-' || email from user_account where email like '%@crise.mssante.fr' order by random()" > "$out/crisis-tokens.txt"
curl -s -o /dev/null -w "plan: HTTP %{http_code}\n" -X PUT "${auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"fields\":{\"cell0.user\":\"$bench_user\",\"cell0.role\":\"REFERENT\"}}" $BASE/api/v1/cpts/$cpts/crisis-plan
crisis=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' -d '{"kind":"HEATWAVE","level":"2","exercise":"true"}' \
  $BASE/api/v1/cpts/$cpts/crises | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "== alert to every professional of the CPTS"
start=$(date +%s.%N)
alert=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' -d '{"message":"Canicule : qui peut faire des visites cet après-midi ?"}' \
  $BASE/api/v1/crises/$crisis/alerts | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["id"]); print(d["recipients"], file=sys.stderr)')
sent=$(date +%s.%N)
until [ "$(psql_ -tA -c "select count(*) from notification where link = '/crises/alertes/$alert'")" -ge "$n" ]; do sleep 0.1; done
inboxes=$(date +%s.%N)
python3 -c "print('POST answered in %.2f s; every inbox has it %.2f s after the POST was sent' % ($sent - $start, $inboxes - $start))"
echo "  $(psql_ -tA -c "select count(*) || ' notifications, ' || count(distinct user_id) || ' distinct professionals' from notification where link = '/crises/alertes/$alert'")"
echo "== $n answers from 200 clients spread over ${SPREAD:-50} s, the board read during the storm"
java bench/CrisisStorm.java $BASE "$crisis" "$alert" "$out/crisis-tokens.txt" 200 "$TOKEN" "${SPREAD:-50}"
echo "  $(psql_ -tA -c "select count(answer) || ' answers kept of ' || count(*) || ' recipients' from crisis_alert_recipient where alert_id = '$alert'")"
echo "== the same answers again, 200 clients in a closed loop (saturation)"
java bench/CrisisStorm.java $BASE "$crisis" "$alert" "$out/crisis-tokens.txt" 200 "$TOKEN" 0
