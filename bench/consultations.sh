#!/usr/bin/env bash
# Issue 19, public prevention-consultation finder at region scale: about 25,000 professionals (generated
# RPPS extraction), commune coordinates imported, one in five médecins, pharmaciens, sages-femmes and
# infirmiers offering the consultations (written with psql). Then anonymous
# GET /api/v1/prevention/consultations?near=CODE&radiusKm=15 for communes where professionals practise:
# 50 users with 1 s think time, then saturation. Needs psql. Load generator, application and database on this machine.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
db_port=${DB_PORT:-15505}
build_jar
start_app "${BENCH_PORT:-18105}" "$out/app-consultations.log" -Dmaillage.database.port=$db_port ${APP_OPTS:-}
auth=(-H "Authorization: Bearer $TOKEN")
psql_() { PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p $db_port -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
file="$out/rpps-26300.txt"
[ -s "$file" ] || python3 bench/make-rpps.py 26300 "$file" >/dev/null
id=$(curl -s "${auth[@]}" -F "file=@$file" $BASE/api/v1/imports/rpps | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -s "${auth[@]}" $BASE/api/v1/imports/$id | grep -q '"status":"DONE"'; do sleep 0.5; done
curl -s -o /dev/null -w "coordinates import: HTTP %{http_code}\n" "${auth[@]}" -H 'Content-Type: text/csv' \
  --data-binary @../shared/data/reference/communes-centroids-2018.csv $BASE/api/v1/reference/coordinates
psql_ <<'SQL'
insert into prevention_offer (id, practitioner_id, name, profession, ages, how_to_book, phone, commune_code, commune_name)
select gen_random_uuid(), x.id, x.last_name, coalesce(x.profession_label, ''), array['45-50', '60-65'], 'Sur rendez-vous', '04 00 00 00 00', x.commune_code, x.commune_name
from (select distinct on (p.id) p.id, p.last_name, p.profession_label, a.commune_code, a.commune_name from practitioner p
      join practitioner_activity a on a.practitioner_id = p.id
      where a.active and a.commune_code is not null and p.profession_code in ('10', '21', '50', '60') and abs(hashtext(p.id::text)) % 5 = 0
      order by p.id, a.commune_code) x;
analyze prevention_offer;
SQL
psql_ -tA -c "select count(*) || ' offers in ' || count(distinct commune_code) || ' communes, ' || (select count(*) from practitioner) || ' professionals' from prevention_offer"
psql_ -tA -c "select distinct a.commune_code from practitioner_activity a where a.active and a.commune_code is not null" >"$out/consultation-queries.txt"
echo "queries: $(wc -l <"$out/consultation-queries.txt") communes where professionals practise"
run() { java bench/LoadTest.java users $BASE - "$out/consultation-queries.txt" "$@" "/api/v1/prevention/consultations?radiusKm=15&near="; }
echo "(warm-up, not reported)"; run 50 0 30 >/dev/null
for k in 1 2 3; do run 50 1000 60; done
run 16 0 30
run 50 0 30
