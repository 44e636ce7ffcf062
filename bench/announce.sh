#!/usr/bin/env bash
# Announcement benchmark (issue 4): 25,000 members of one CPTS (accounts inserted with psql into
# the running instance's embedded PostgreSQL), one announcement to all of them through the API:
# the time until it is in every in-application inbox (the API answers once it is committed), then
# the e-mail delivery rate into a local SMTP sink (bench/SmtpSink.java). Needs psql
# (Debian: postgresql-client). Load generator, sink, application and database on this machine.
#   bench/announce.sh [RECIPIENTS]        default 25000
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
n=${1:-25000}
sink_port=${SINK_PORT:-2599}
db_port=${DB_PORT:-15499}
build_jar
java bench/SmtpSink.java $sink_port $n >"$out/smtp-sink.log" 2>&1 &
sink=$!
trap 'kill $sink 2>/dev/null' EXIT
start_app "${BENCH_PORT:-18094}" "$out/app-announce.log" -Dspring.mail.host=127.0.0.1 -Dspring.mail.port=$sink_port \
  -Dmaillage.database.port=$db_port
trap 'kill $sink 2>/dev/null; kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
cpts=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"CPTS Banc d essai","siret":"89273929300017","address":"1 place de la Mairie","email":"contact@banc.fr","phone":"0400000000","slug":"banc-essai"}' \
  $BASE/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p $db_port -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
insert into user_account (id, email, display_name, admin)
  select gen_random_uuid(), 'membre' || n || '@banc.mssante.fr', 'Membre ' || n, false from generate_series(1, $n) n;
insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'MEMBER' from user_account where email like '%@banc.mssante.fr';
SQL
echo "== announcement to $n members"
start=$(date +%s.%N)
curl -s -o "$out/announce-answer.json" -w "POST /api/v1/cpts/{id}/announcements: HTTP %{http_code} in %{time_total} s (committed: in every inbox)\n" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"title":"Plan canicule","body":"Le plan canicule est déclenché : merci de confirmer votre lecture.","audience":"members","askAck":true}' \
  $BASE/api/v1/cpts/$cpts/announcements
cat "$out/announce-answer.json"; echo
PGPASSWORD="$(owner_password)" psql -tA -h 127.0.0.1 -p $db_port -U postgres -d postgres -c \
  "select count(*) || ' notifications in inboxes, ' || (select count(*) from outbox_message) || ' e-mails queued' from notification"
until grep -q "messages, first to last" "$out/smtp-sink.log"; do sleep 1; done
end=$(date +%s.%N)
grep "messages, first to last" "$out/smtp-sink.log"
python3 -c "print('announcement sent to last e-mail received: %.1f s' % ($end - $start))"
