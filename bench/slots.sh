#!/usr/bin/env bash
# Unscheduled-care benchmark (issue 6) at region scale: about 25,000 professionals (generated RPPS
# extraction), commune coordinates imported, 1,000,000 open slots over the next 30 days (40 per
# professional, written with psql into the running instance's embedded PostgreSQL). Then:
#   search  GET /api/v1/slots/search?profession=&commune=&radiusKm=15   50 users (1 s think time), and saturation
#   floor   the bare SQL of that search through pgbench, same concurrency, closed loop, same database
#   booking POST /api/v1/slots/{id}/booking on distinct slots, closed loop
# Needs psql and pgbench (Debian: postgresql-client). Load generators, application and database on this machine.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
db_port=${DB_PORT:-15497}
build_jar
start_app "${BENCH_PORT:-18096}" "$out/app-slots.log" -Dmaillage.database.port=$db_port
auth=(-H "Authorization: Bearer $TOKEN")
psql_() { PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p $db_port -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
file="$out/rpps-26300.txt"
[ -s "$file" ] || python3 bench/make-rpps.py 26300 "$file" >/dev/null
id=$(curl -s "${auth[@]}" -F "file=@$file" $BASE/api/v1/imports/rpps | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -s "${auth[@]}" $BASE/api/v1/imports/$id | grep -q '"status":"DONE"'; do sleep 0.5; done
curl -s -o /dev/null -w "coordinates import: HTTP %{http_code}\n" "${auth[@]}" -H 'Content-Type: text/csv' \
  --data-binary @../shared/data/reference/communes-centroids-2018.csv $BASE/api/v1/reference/coordinates
cpts=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"name":"CPTS Banc créneaux","siret":"89273929300017","address":"1 place de la Mairie","email":"contact@banc.fr","phone":"0400000000","slug":"banc-creneaux"}' \
  $BASE/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
psql_ <<SQL
insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'COORDINATOR' from user_account where email = 'bench@maillage.test' on conflict do nothing;
$(slots_sql "$cpts")
SQL
psql_ -tA -c "select count(*) || ' slots, ' || count(distinct practitioner_id) || ' professionals' from snp_slot"
psql_ -tA -c "select distinct commune_code from snp_slot where profession_code = '10'" >"$out/slot-communes.txt"
# queries: communes where GPs practise, as pharmacists and nurses would ask around them
python3 - "$out" <<'PY'
import random, sys, math, csv
out = sys.argv[1]
random.seed(6)
codes = [l.strip() for l in open(f"{out}/slot-communes.txt") if l.strip()]
qs = [random.choice(codes) for _ in range(2000)]
open(f"{out}/slot-queries.txt", "w").write("\n".join(qs) + "\n")
# the same communes' reachable sets (15 km between centroids, as the application reckons) for the bare-SQL run
xy = {}
for row in csv.DictReader(open("../shared/data/reference/communes-centroids-2018.csv", encoding="utf-8")):
    try: xy[row["code_insee"]] = (float(row["latitude"]), float(row["longitude"]))
    except (ValueError, KeyError): pass
def km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0]); dp = p2 - p1; dl = math.radians(b[1] - a[1])
    h = math.sin(dp/2)**2 + math.cos(p1)*math.cos(p2)*math.sin(dl/2)**2
    return 2 * 6371.0088 * math.asin(min(1, math.sqrt(h)))
with open(f"{out}/bench-near.sql", "w") as f:
    f.write("drop table if exists bench_near; create table bench_near (i int primary key, codes text[]);\n")
    for i, c in enumerate(qs[:500], 1):
        near = [c] + [d for d, p in xy.items() if d != c and c in xy and km(xy[c], p) <= 15]
        f.write("insert into bench_near values (%d, array[%s]);\n" % (i, ",".join("'%s'" % d for d in near)))
PY
psql_ -f "$out/bench-near.sql" >/dev/null
cat >"$out/slot-search.pgbench" <<SQL
\set i random(1, 500)
select s.* from bench_near n cross join unnest(n.codes) as c(code) cross join lateral (select * from snp_slot where commune_code = c.code and profession_code = '10' and starts_at >= now() and starts_at < now() + interval '7 days' and cancelled_at is null and not booked and cpts_id = any(array['$cpts'::uuid]) order by starts_at limit 40) s where n.i = :i order by s.starts_at, s.id limit 40;
SQL
run() { java bench/LoadTest.java users $BASE $TOKEN "$@"; }
echo "== search through the application"
run "$out/slot-queries.txt" 50 1000 60 "/api/v1/slots/search?profession=10&radiusKm=15&commune="
run "$out/slot-queries.txt" 50 0 30 "/api/v1/slots/search?profession=10&radiusKm=15&commune="
echo "== the bare SQL of the search, pgbench, 50 clients, closed loop"
rm -f "$out"/pgbench_log.*
(cd "$out" && PGPASSWORD="$(owner_password)" pgbench -n -h 127.0.0.1 -p $db_port -U postgres -c 50 -j 2 -T 30 -l -f slot-search.pgbench postgres) | grep -E "tps|latency average"
cat "$out"/pgbench_log.* | python3 -c 'import sys; t=sorted(int(l.split()[2]) for l in sys.stdin); n=len(t); print("pgbench: %d queries, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms" % (n, t[n//2]/1000, t[int(n*0.95)]/1000, t[int(n*0.99)]/1000))'
echo "== bookings on distinct slots"
psql_ -tA -c "select id from snp_slot where not booked and starts_at > now() + interval '1 day' order by random() limit 12000" >"$out/booking-slots.txt"
java bench/BookingLoad.java $BASE $TOKEN "$out/booking-slots.txt" 50
