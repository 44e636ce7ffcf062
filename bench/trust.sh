#!/usr/bin/env bash
# Issue 16: what trust costs, measured side by side in one run on one database (unscheduled care at
# region scale, as bench/slots.sh: about 25,000 professionals, 1,000,000 open slots).
#
# The application is restarted on the same data directory in each configuration:
#   before   synchronous_commit off, no audit hash chain (stamping trigger disabled, no sealing), denials not audited
#            (a rule of the bench drops their row in the database: the application has no switch to stop auditing)
#   sync     only synchronous_commit on
#   chain    only the hash chain (trigger and sealing every 5 s)
#   denials  only the audit of denied reads
#   after    all three: the shipped defaults
# then "before" and "after" again, to see the drift of the machine. In each: bookings on distinct
# slots (50 users, closed loop), slot search saturation (50 users, closed loop), denied reads
# saturation (GET /api/v1/bookings/{id} by someone outside the CPTS: 404, audited, 50 users).
# Last, two nodes on the one database: slot search saturation through one node, then alternating
# between two nodes, then one node again.
# Needs psql (Debian: postgresql-client). Load generator, application(s) and database on this machine.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
db_port=${DB_PORT:-15498}
port=${BENCH_PORT:-18097}
port2=$((port + 1))
seconds=${SECONDS_PER_RUN:-20}
build_jar
data=$(mktemp -d /tmp/maillage-trust.XXXX)
BASE=http://127.0.0.1:$port
BASE2=http://127.0.0.1:$port2
pid=""
pid2=""
cleanup() {
  if [ -n "$pid2" ]; then kill "$pid2" 2>/dev/null; wait "$pid2" 2>/dev/null || true; fi
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT
results="$out/trust-results.txt"
: >"$results"

# start NAME [application arguments…]: node A on the shared data directory
start() {
  local name=$1; shift
  MAILLAGE_ADMIN_EMAIL=bench@maillage.test MAILLAGE_ADMIN_PASSWORD=Bench-Password-2026 MAILLAGE_ADMIN_TOKEN=$TOKEN \
    java -Dmaillage.database.port=$db_port -jar "$jar" --server.port=$port --maillage.database.directory="$data/postgres" \
    --maillage.files.directory="$data/files" --maillage.node-name=bench-a "$@" >"$out/app-trust-$name.log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null "$BASE/actuator/health"; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$out/app-trust-$name.log"; exit 1; }
    sleep 0.2
  done
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
psql_() { PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p $db_port -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
app_password() { sed -n 's/^app.password=//p' "$data/postgres.credentials"; }
auth=(-H "Authorization: Bearer $TOKEN")

echo "== data: RPPS extraction, coordinates, 1,000,000 slots"
start setup
file="$out/rpps-26300.txt"
[ -s "$file" ] || python3 bench/make-rpps.py 26300 "$file" >/dev/null
id=$(curl -s "${auth[@]}" -F "file=@$file" $BASE/api/v1/imports/rpps | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -s "${auth[@]}" $BASE/api/v1/imports/$id | grep -q '"status":"DONE"'; do sleep 0.5; done
curl -s -o /dev/null -w "coordinates import: HTTP %{http_code}\n" "${auth[@]}" -H 'Content-Type: text/csv' \
  --data-binary @../shared/data/reference/communes-centroids-2018.csv $BASE/api/v1/reference/coordinates
cpts=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"name":"CPTS Banc confiance","siret":"89273929300017","address":"1 place de la Mairie","email":"contact@banc.fr","phone":"0400000000","slug":"banc-confiance"}' \
  $BASE/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
outsider_token=bench-outsider-7d1f3a5c9e2b4d6f8a0c1e3b5d7f9a2c
psql_ <<SQL
insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'COORDINATOR' from user_account where email = 'bench@maillage.test' on conflict do nothing;
$(slots_sql "$cpts")
-- someone outside the CPTS, with an API token: every booking they ask for is refused (404) and audited
insert into user_account (id, email, display_name) values ('0b0b0b0b-0000-4000-8000-000000000001', 'hors-cercle@maillage.test', 'Hors cercle');
insert into api_token (id, user_id, name, token_hash, expires_at)
values (gen_random_uuid(), '0b0b0b0b-0000-4000-8000-000000000001', 'banc', sha256(convert_to('$outsider_token', 'UTF8')), now() + interval '1 day');
SQL
psql_ -tA -c "select count(*) || ' slots, ' || count(distinct practitioner_id) || ' professionals' from snp_slot" | tee -a "$results"
psql_ -tA -c "select distinct commune_code from snp_slot where profession_code = '10'" >"$out/slot-communes.txt"
python3 -c '
import random, sys
random.seed(16)
codes = [l.strip() for l in open(sys.argv[1]) if l.strip()]
open(sys.argv[2], "w").write("\n".join(random.choice(codes) for _ in range(2000)) + "\n")' "$out/slot-communes.txt" "$out/slot-queries.txt"
psql_ -tA -c "select id from snp_slot where starts_at > now() + interval '1 day' order by random() limit 30000" >"$out/trust-slots.txt"

search_path="/api/v1/slots/search?profession=10&radiusKm=15&commune="
# configure SYNC CHAIN DENIALS: database-side switches, set as the owner while a node runs; they hold from the next start
configure() {
  psql_ -c "alter role maillage set synchronous_commit = $1"
  if [ "$2" = on ]; then psql_ -c "alter table audit_event enable trigger audit_event_stamped"
  else psql_ -c "alter table audit_event disable trigger audit_event_stamped"; fi
  # off: the denial's insert still reaches the database, which writes nothing (no row, no commit to flush)
  if [ "$3" = on ]; then psql_ -c "drop rule if exists bench_denials_unaudited on audit_event"
  else psql_ -c "create or replace rule bench_denials_unaudited as on insert to audit_event where new.action = 'access.denied' do instead nothing"; fi
}
no_seal=--maillage.audit.seal-interval=100000h
#        name          synchronous_commit  chain  denials  application arguments
configs=("before       off                 off    off      $no_seal"
         "sync         on                  off    off      $no_seal"
         "chain        off                 on     off"
         "denials      off                 off    on       $no_seal"
         "after        on                  on     on"
         "before-2     off                 off    off      $no_seal"
         "after-2      on                  on     on"
         "before-3     off                 off    off      $no_seal"
         "after-3      on                  on     on")
read -r _ sync chain denials _ <<<"${configs[0]}"
configure "$sync" "$chain" "$denials"
stop
echo "== side by side"
for i in "${!configs[@]}"; do
  read -r name sync chain denials args <<<"${configs[$i]}"
  # shellcheck disable=SC2086
  start "$name" $args
  # sealing (when on) catches up with what the configurations without it left unsealed
  while [ "$chain" = on ] && [ "$(psql_ -tA -c "select count(*) from audit_event where row_hash is null")" != 0 ]; do sleep 1; done
  # warm-up (JIT, pools, caches), not measured: 500 bookings, 15 s of searches, 10 s of denied reads
  sed -n "$(( i * 3000 + 1 )),$(( i * 3000 + 500 ))p" "$out/trust-slots.txt" >"$out/trust-warm-$i.txt"
  java bench/BookingLoad.java $BASE $TOKEN "$out/trust-warm-$i.txt" 50 >/dev/null
  java bench/LoadTest.java users $BASE $TOKEN "$out/slot-queries.txt" 50 0 10 "$search_path" >/dev/null
  psql_ -tA -c "select id from snp_booking order by random() limit 2000" >"$out/trust-bookings.txt"
  java -Dexpect=404 bench/LoadTest.java users $BASE $outsider_token "$out/trust-bookings.txt" 50 0 5 /api/v1/bookings/ >/dev/null
  sed -n "$(( i * 3000 + 501 )),$(( i * 3000 + 2500 ))p" "$out/trust-slots.txt" >"$out/trust-slots-$i.txt"
  echo "[$name] $(java bench/BookingLoad.java $BASE $TOKEN "$out/trust-slots-$i.txt" 50)" | tee -a "$results"
  echo "[$name] search $(java bench/LoadTest.java users $BASE $TOKEN "$out/slot-queries.txt" 50 0 $seconds "$search_path")" | tee -a "$results"
  psql_ -tA -c "select id from snp_booking order by random() limit 2000" >"$out/trust-bookings.txt"
  echo "[$name] denied $(java -Dexpect=404 bench/LoadTest.java users $BASE $outsider_token "$out/trust-bookings.txt" 50 0 $seconds /api/v1/bookings/)" | tee -a "$results"
  if [ $((i + 1)) -lt ${#configs[@]} ]; then read -r _ sync chain denials _ <<<"${configs[$((i + 1))]}"; else sync=on; chain=on; denials=on; fi
  configure "$sync" "$chain" "$denials"
  stop
done

echo "== two nodes on one database (shipped defaults)"
start two-nodes-a
psql_ -c "alter role maillage reset synchronous_commit"
java -jar "$jar" --server.port=$port2 --spring.datasource.url="jdbc:postgresql://127.0.0.1:$db_port/postgres" \
  --spring.datasource.username=maillage --spring.datasource.password="$(app_password)" --spring.flyway.user=postgres \
  --spring.flyway.password="$(owner_password)" --maillage.files.directory="$data/files" --maillage.node-name=bench-b \
  >"$out/app-trust-two-nodes-b.log" 2>&1 &
pid2=$!
until curl -s -o /dev/null "$BASE2/actuator/health"; do sleep 0.2; done
java bench/LoadTest.java users $BASE,$BASE2 $TOKEN "$out/slot-queries.txt" 50 0 20 "$search_path" >/dev/null # warm-up of both nodes
echo "[one-node] search $(java bench/LoadTest.java users $BASE $TOKEN "$out/slot-queries.txt" 50 0 $seconds "$search_path")" | tee -a "$results"
echo "[two-nodes] search $(java bench/LoadTest.java users $BASE,$BASE2 $TOKEN "$out/slot-queries.txt" 50 0 $seconds "$search_path")" | tee -a "$results"
echo "[one-node-again] search $(java bench/LoadTest.java users $BASE $TOKEN "$out/slot-queries.txt" 50 0 $seconds "$search_path")" | tee -a "$results"
echo "[two-nodes-again] search $(java bench/LoadTest.java users $BASE,$BASE2 $TOKEN "$out/slot-queries.txt" 50 0 $seconds "$search_path")" | tee -a "$results"

echo "== ratios"
python3 - "$results" <<'PY'
import re, sys
rate = {}
for line in open(sys.argv[1]):
    m = re.match(r"\[([\w-]+)\] (?:(search|denied) )?.*?([\d.]+) (bookings/s|req/s)", line)
    if m:
        rate[(m.group(1), m.group(2) or "bookings")] = float(m.group(3))
def mean(*names, kind):
    v = [rate[(n, kind)] for n in names if (n, kind) in rate]
    return sum(v) / len(v) if v else float("nan")
befores, afters = ("before", "before-2", "before-3"), ("after", "after-2", "after-3")
for kind in ("bookings", "search", "denied"):
    base = mean(*befores, kind=kind)
    spread = [rate[(n, kind)] for n in befores if (n, kind) in rate]
    print(f"{kind:9s} before {base:7.1f}/s (runs {min(spread):.0f}-{max(spread):.0f})", end="")
    for name in ("sync", "chain", "denials"):
        print(f"  {name} {rate.get((name, kind), float('nan')) / base:5.2f}", end="")
    print(f"  after {mean(*afters, kind=kind) / base:5.2f} (pairs: " + ", ".join(
        f"{rate[(a, kind)] / rate[(b, kind)]:.2f}" for a, b in zip(afters, befores) if (a, kind) in rate and (b, kind) in rate) + ")")
one = mean("one-node", "one-node-again", kind="search")
print("(ratios against the mean of the three 'before' runs; 'pairs' divides each 'after' by the 'before' run just before it)")
two = mean("two-nodes", "two-nodes-again", kind="search")
print(f"two nodes / one node, search saturation: {two:.0f} / {one:.0f} req/s = {two / one:.2f}")
PY
