#!/usr/bin/env bash
# FHIR API benchmark (issue 21) at region scale: about 25,000 professionals (generated RPPS
# extraction), 1,000,000 open slots over the next 30 days (40 per professional, written with psql)
# in one CPTS. Then, 50 users (1 s think time) and saturation (50 users, closed loop):
#   sas     GET /fhir/Slot, the SAS guide's query: five professionals' free slots over the coming
#           week by schedule.actor:Practitioner.identifier, with the guide's four includes
#   json    GET /api/v1/slots/of-professionals: the same search through the JSON API (the ratio)
#   dir     GET /fhir/Practitioner?name=   name words, as the directory search benchmark types them
#   rpps    GET /fhir/Practitioner?identifier=   one national id
# Needs psql. Load generator, application and database on this machine.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
db_port=${DB_PORT:-15498}
build_jar
start_app "${BENCH_PORT:-18097}" "$out/app-fhir.log" -Dmaillage.database.port=$db_port
auth=(-H "Authorization: Bearer $TOKEN")
psql_() { PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p $db_port -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
file="$out/rpps-26300.txt"
[ -s "$file" ] || python3 bench/make-rpps.py 26300 "$file" >/dev/null
id=$(curl -s "${auth[@]}" -F "file=@$file" $BASE/api/v1/imports/rpps | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -s "${auth[@]}" $BASE/api/v1/imports/$id | grep -q '"status":"DONE"'; do sleep 0.5; done
cpts=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"name":"CPTS Banc FHIR","siret":"89273929300017","address":"1 place de la Mairie","email":"contact@banc-fhir.fr","phone":"0400000000","slug":"banc-fhir"}' \
  $BASE/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
psql_ <<SQL
insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'COORDINATOR' from user_account where email = 'bench@maillage.test' on conflict do nothing;
$(slots_sql "$cpts")
SQL
echo "== $(psql_ -tA -c "select count(*) || ' slots, ' || count(distinct practitioner_id) || ' professionals with slots' from snp_slot"), $(psql_ -tA -c "select count(*) from practitioner") professionals"
# five professionals with slots per query, as the SAS asks (up to 25)
psql_ -tA -c "select p.national_id from practitioner p where p.national_id like '8%' and exists (select 1 from snp_slot s where s.practitioner_id = p.id) order by random() limit 10000" \
  >"$out/fhir-rpps.txt"
python3 - "$out" <<'PY'
import random, sys
out = sys.argv[1]
random.seed(21)
ids = [l.strip() for l in open(f"{out}/fhir-rpps.txt") if l.strip()]
groups = [random.sample(ids, 5) for _ in range(2000)]
open(f"{out}/fhir-sas-queries.txt", "w").write("\n".join(",".join("urn:oid:1.2.250.1.71.4.2.1|" + i for i in g) for g in groups) + "\n")
open(f"{out}/fhir-json-queries.txt", "w").write("\n".join(",".join(g) for g in groups) + "\n")
open(f"{out}/fhir-id-queries.txt", "w").write("\n".join(random.choice(ids) for _ in range(2000)) + "\n")
last = "martin bernard thomas petit robert richard durand dubois moreau laurent simon michel lefebvre leroy roux david lefevre garnier guerin francois clement".split()
first = "marie jean pierre anne helene zoe jerome gaelle lea chloe ines noe camille".split()
qs = []
for _ in range(2000):
    r = random.random()
    if r < 0.5: qs.append(random.choice(last)[:random.randint(3, 8)])
    elif r < 0.8: qs.append(random.choice(last) + " " + random.choice(first))
    else: qs.append(random.choice(first))
open(f"{out}/fhir-name-queries.txt", "w").write("\n".join(qs) + "\n")
PY
from=$(date -u +%Y-%m-%dT%H:%M:%SZ); to=$(date -u -d '+7 days' +%Y-%m-%dT%H:%M:%SZ)
sas="/fhir/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&_include=Slot:service-type-reference&_include:iterate=HealthcareService:organization&status=free&start=ge$from&start=le$to&_count=100&schedule.actor:Practitioner.identifier="
json="/api/v1/slots/of-professionals?free=true&from=$from&to=$to&limit=100&ids="
check=$(head -1 "$out/fhir-sas-queries.txt" | python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.stdin.read().strip()))')
echo "== one SAS query: $(curl -s "${auth[@]}" "$BASE$sas$check" | python3 -c 'import json,sys; b=json.load(sys.stdin); import collections; print(b["total"], "slots;", dict(collections.Counter(e["resource"]["resourceType"] + "/" + e["search"]["mode"] for e in b["entry"])))')"
run() { java bench/LoadTest.java users $BASE $TOKEN "$@"; }
echo "== SAS slot search through FHIR"
run "$out/fhir-sas-queries.txt" 50 1000 60 "$sas"
run "$out/fhir-sas-queries.txt" 50 0 30 "$sas"
echo "== the same search through the JSON API"
run "$out/fhir-json-queries.txt" 50 1000 60 "$json"
run "$out/fhir-json-queries.txt" 50 0 30 "$json"
echo "== FHIR directory search by name"
run "$out/fhir-name-queries.txt" 50 1000 60 "/fhir/Practitioner?_count=25&name="
run "$out/fhir-name-queries.txt" 50 0 30 "/fhir/Practitioner?_count=25&name="
echo "== FHIR directory search by national id"
run "$out/fhir-id-queries.txt" 50 1000 60 "/fhir/Practitioner?identifier="
