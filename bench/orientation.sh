#!/usr/bin/env bash
# Orientation benchmark (issue 5).
#   bench/orientation.sh national [REQUESTS GPS]   the engine alone at national scale (default
#       6,000,000 requests over the real communes by population, 60,000 GPs), then OR-Tools'
#       min-cost-flow solver on the very same network: both times, both optimal costs.
#   bench/orientation.sh cpts [REQUESTS GPS]   end to end at CPTS scale (default 6,000 waiting requests
#       imported through the API over the communes of the Alpes-de-Haute-Provence, 70 GPs of the
#       directory with capacities): POST /api/v1/cpts/{id}/orientation (load, solve, explain,
#       answer) 30 times, then the commit once. Needs psql (to make the bench administrator the
#       CPTS's coordinator). Client, application and database on this machine.
# OR-Tools is a benchmark-only dependency (bench/ortools/pom.xml), never in the application.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
mode=${1:-national}
case "$mode" in
  national)
    ./mvnw -q -B compile >"$out/build.log" 2>&1
    ./mvnw -q -B -f bench/ortools/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$out/ortools.classpath" >>"$out/build.log" 2>&1
    ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$PWD/$out/app.classpath" >>"$out/build.log" 2>&1
    cp="target/classes:$(cat "$out/ortools.classpath"):$(cat "$out/app.classpath")"
    # 2 cores, 4 GB heap at most, as the issue sets; /usr/bin/time reports the peak resident memory
    /usr/bin/time -f "peak resident memory: %M KB, wall %e s" \
      java -Xmx4g -XX:ActiveProcessorCount=2 --enable-native-access=ALL-UNNAMED -cp "$cp" \
      bench/NationalOrientation.java "${2:-6000000}" "${3:-60000}"
    ;;
  cpts)
    n=${2:-6000}; gps=${3:-70}; db_port=${DB_PORT:-15498}
    build_jar
    start_app "${BENCH_PORT:-18095}" "$out/app-orientation.log" -Dmaillage.database.port=$db_port
    auth=(-H "Authorization: Bearer $TOKEN")
    cpts=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' \
      -d '{"name":"CPTS Banc orientation","siret":"89273929300017","address":"1 place de la Mairie","email":"contact@banc.fr","phone":"0400000000","slug":"banc-orientation"}' \
      $BASE/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    python3 -c 'import json; print(json.dumps([c["code"] for c in json.load(open("../shared/data/reference/etalab-decoupage-administratif-6.0.0/communes.json")) if c["type"] == "commune-actuelle" and c.get("departement") == "04"]))' >"$out/communes-04.json"
    curl -s -o /dev/null -w "territory (Alpes-de-Haute-Provence): HTTP %{http_code}\n" "${auth[@]}" -X PUT -H 'Content-Type: application/json' \
      --data-binary @"$out/communes-04.json" $BASE/api/v1/cpts/$cpts/territory
    curl -s -o /dev/null -w "coordinates import: HTTP %{http_code}\n" "${auth[@]}" -H 'Content-Type: text/csv' \
      --data-binary @../shared/data/reference/communes-centroids-2018.csv $BASE/api/v1/reference/coordinates
    RPPS_DEPARTEMENT=04 python3 bench/make-rpps.py $((gps * 4)) "$out/rpps-04.txt" >/dev/null
    id=$(curl -s "${auth[@]}" -F "file=@$out/rpps-04.txt" $BASE/api/v1/imports/rpps | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    until curl -s "${auth[@]}" $BASE/api/v1/imports/$id | grep -q '"status":"DONE"'; do sleep 0.5; done
    PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p $db_port -U postgres -d postgres -v ON_ERROR_STOP=1 -c \
      "insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'COORDINATOR' from user_account where email = 'bench@maillage.test' on conflict do nothing"
    PGPASSWORD="$(owner_password)" psql -tA -h 127.0.0.1 -p $db_port -U postgres -d postgres -c \
      "select distinct p.id from practitioner p join practitioner_activity a on a.practitioner_id = p.id where p.profession_code = '10' and a.skill_code = 'SM54' order by p.id limit $gps" >"$out/gps.txt"
    python3 - "$BASE" "$TOKEN" "$cpts" "$out/gps.txt" <<'PY'
import json, random, sys, urllib.request
base, token, cpts, path = sys.argv[1:5]
random.seed(70)
ids = [l.strip() for l in open(path) if l.strip()]
for i, gp in enumerate(ids):
    body = {"newPatients": random.randint(1, 8), "period": "MONTH", "radiusKm": random.choice([10, 15, 20, 30]), "homeVisits": random.random() < 0.5}
    req = urllib.request.Request(f"{base}/api/v1/cpts/{cpts}/gp-capacities/{gp}", data=json.dumps(body).encode(), method="PUT",
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    urllib.request.urlopen(req).read()
print(f"{len(ids)} GPs with capacities")
PY
    python3 bench/make-gp-requests.py $n 04 "$out/gp-requests-$n.csv"
    curl -s -o /dev/null -w "import of $n requests: HTTP %{http_code} in %{time_total} s\n" "${auth[@]}" -H 'Content-Type: text/csv' \
      --data-binary @"$out/gp-requests-$n.csv" $BASE/api/v1/cpts/$cpts/gp-requests/import
    curl -s "${auth[@]}" -X POST $BASE/api/v1/cpts/$cpts/orientation >/dev/null   # warm-up
    echo "== POST /api/v1/cpts/{id}/orientation (preview: read, solve, explain, answer), 30 runs"
    for i in $(seq 30); do
      curl -s -o "$out/orientation-plan.json" -w "%{time_total}\n" "${auth[@]}" -X POST $BASE/api/v1/cpts/$cpts/orientation
    done | python3 -c 'import sys; t=sorted(float(x)*1000 for x in sys.stdin); n=len(t); print("p50 %.0f ms, p95 %.0f ms, max %.0f ms" % (t[n//2], t[int(n*0.95)-1], t[-1]))'
    python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print("plan: %d waiting, %d proposals, %d GPs with %d places, engine+reads %d ms inside the server" % (p["pending"], len(p["proposals"]), p["practitioners"], p["capacityLeft"], p["millis"]))' "$out/orientation-plan.json"
    curl -s -o "$out/orientation-commit.json" -w "POST /api/v1/cpts/{id}/orientation/commit: HTTP %{http_code} in %{time_total} s\n" "${auth[@]}" -X POST $BASE/api/v1/cpts/$cpts/orientation/commit
    python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print("committed: %d proposals" % len(p["proposals"]))' "$out/orientation-commit.json"
    ;;
  *) echo "usage: bench/orientation.sh national|cpts [REQUESTS GPS]" >&2; exit 2 ;;
esac
