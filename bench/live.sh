#!/usr/bin/env bash
# Live display across nodes (issue 4): node A (with the embedded PostgreSQL) and node B (on the same
# database), 1,000 users holding their live stream on node B, 10 messages a second posted on node A
# for 60 s; latency from the post to the event on node B (bench/LiveLoad.java). Needs psql.
# Load generator, both nodes and the database on this machine.
#   bench/live.sh [RECEIVERS] [RATE] [SECONDS]      defaults 1000 10 60
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
receivers=${1:-1000}; rate=${2:-10}; seconds=${3:-60}
db_port=${DB_PORT:-15498}
build_jar
start_app "${BENCH_PORT:-18095}" "$out/app-live-a.log" -Dmaillage.database.port=$db_port -Dmaillage.node-name=bench-a
base_a=$BASE
port_b=$(( ${BENCH_PORT:-18095} + 1 ))
java -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:$db_port/postgres -Dspring.datasource.username=postgres \
  -Dspring.datasource.password=postgres -Dmaillage.node-name=bench-b -Ddb-scheduler.enabled=false \
  -jar "$jar" --server.port=$port_b >"$out/app-live-b.log" 2>&1 &
pid_b=$!
trap 'kill $pid_b $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
base_b=http://127.0.0.1:$port_b
until curl -s -o /dev/null "$base_b/actuator/health"; do sleep 0.2; done
cpts=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"CPTS Banc direct","siret":"89273929300017","address":"1 place de la Mairie","email":"contact@direct.fr","phone":"0400000000","slug":"banc-direct"}' \
  $base_a/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p $db_port -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
insert into user_account (id, email, display_name) select gen_random_uuid(), 'r' || n || '@live.bench', 'Destinataire ' || n from generate_series(1, $receivers) n;
insert into user_account (id, email, display_name) select gen_random_uuid(), 's' || n || '@live.bench', 'Expéditeur ' || n from generate_series(1, 20) n;
insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'MEMBER' from user_account where email like '%@live.bench';
insert into api_token (id, user_id, name, token_hash, expires_at)
  select gen_random_uuid(), id, 'banc', sha256(convert_to('live-' || split_part(email, '@', 1), 'UTF8')), now() + interval '1 year' from user_account where email like '%@live.bench';
insert into notification_preference (user_id, kind, mode) select id, 'messaging.message', 'APP_ONLY' from user_account where email like '%@live.bench';
SQL
java bench/LiveLoad.java $base_a $base_b $receivers 20 $rate $seconds
