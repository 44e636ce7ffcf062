#!/usr/bin/env bash
# Issue 18 at region scale, the application limited to a 512 MB heap: 25,000 professionals (generated
# RPPS extraction), 1,000,000 slots, 300,000 pathway patients with 3.9 million steps, 6,000 requests
# for a médecin traitant; a contract signed 14 months ago with five missions and every indicator the
# modules offer; 99 more CPTS with theirs. Then:
#   snapshot  the nightly indicator job: the first run (14 months of catch-up), then a month's run for 100 CPTS
#   fec       a 200,000-line FEC checked (dry run), imported, and imported again (changes nothing)
#   report    the annual report (PDF + XLSX) of the past contract year and of the year in course
# Heap: the highest jvm_memory_used_bytes{area="heap"} sample, every 0.2 s. Needs psql.
# Load generator (curl), application and database on this machine.   bench/contract.sh [patients]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
db_port=${DB_PORT:-15501}
patients=${1:-300000}
build_jar
start_app "${BENCH_PORT:-18101}" "$out/app-contract.log" -Xmx512m -XX:+UseG1GC -Dmaillage.database.port=$db_port \
  -Dmaillage.database.shared-buffers=${SHARED_BUFFERS:-2GB} -Dmaillage.security.totp-required-for= ${APP_OPTS:-}
auth=(-H "Authorization: Bearer $TOKEN")
psql_() { PGPASSWORD="$(owner_password)" psql -q -h 127.0.0.1 -p $db_port -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
heap_mb() { curl -s "${auth[@]}" -H "Accept: text/plain" "$BASE/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}'; }
# measured LABEL CURL-ARGS...: runs one request, prints its time and the highest heap sample meanwhile
measured() {
  local label=$1; shift
  local t0 peak=0 h
  t0=$(date +%s.%N)
  curl -s -o "$out/contract-answer" -w "%{http_code}" "${auth[@]}" "$@" >"$out/contract-status" &
  local c=$!
  while kill -0 $c 2>/dev/null; do h=$(heap_mb); [ "${h:-0}" -gt "$peak" ] && peak=$h; sleep 0.2; done
  wait $c
  echo "$label: HTTP $(cat "$out/contract-status"), $(python3 -c "import time; print(round(time.time()-$t0, 2))") s, heap ≤ ${peak} MB (-Xmx512m)"
}

echo "== the region: RPPS extraction, slots, pathways, requests"
file="$out/rpps-26300.txt"
[ -s "$file" ] || python3 bench/make-rpps.py 26300 "$file" >/dev/null
id=$(curl -s "${auth[@]}" -F "file=@$file" $BASE/api/v1/imports/rpps | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -s "${auth[@]}" $BASE/api/v1/imports/$id | grep -q '"status":"DONE"'; do sleep 0.5; done
cpts=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"name":"CPTS Banc région","siret":"89273929300017","address":"1 place de la Mairie","email":"contact@banc.fr","phone":"0400000000","slug":"banc-region"}' \
  $BASE/api/v1/cpts | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
psql_ -c "insert into cpts_role (user_id, cpts_id, role) select id, '$cpts', 'COORDINATOR' from user_account where email = 'bench@maillage.test' on conflict do nothing"
template=$(curl -s -X POST "${auth[@]}" $BASE/api/v1/cpts/$cpts/pathway-templates/examples \
  | python3 -c 'import json,sys; print([t["id"] for t in json.load(sys.stdin) if t["name"].startswith("Santé mentale")][0])')
t0=$(date +%s)
{ slots_sql "$cpts"; pathways_sql "$cpts" "$template" "$patients"; cat <<SQL
insert into gp_request (id, cpts_id, patient_id, source, status, filed_at, practitioner_id, proposed_at)
  select gen_random_uuid(), '$cpts', e.patient, 'PROFESSIONNEL', case when e.n % 3 = 0 then 'PROPOSED' else 'PENDING' end, now() - (e.n % 365) * interval '1 day',
    case when e.n % 3 = 0 then gp.id end, case when e.n % 3 = 0 then now() - (e.n % 20) * interval '1 day' end
  from enr e join gp on gp.n = (e.n % (select count(*) from gp)) + 1 where e.n <= 6000;
analyze;
SQL
} | psql_
echo "written in $(( $(date +%s) - t0 )) s: $(psql_ -tA -c "select (select count(*) from practitioner) || ' professionals, ' || (select count(*) from snp_slot) || ' slots, ' || (select count(*) from pathway_enrolment) || ' pathway patients, ' || (select count(*) from gp_request) || ' GP requests'")"
curl -s -X POST "${auth[@]}" $BASE/api/v1/admin/jobs/pathway-ruptures >/dev/null
psql_ -c "vacuum analyze" -c "checkpoint"

signed=$(date -d "$(date +%Y-%m-01) -14 months" +%Y-%m-%d)
echo "== the contract, signed on $signed, and the indicators"
python3 bench/contract-setup.py $BASE $TOKEN contract "$cpts" "$signed"
measured "snapshot, first run (one CPTS, $(( 14 )) months to catch up)" -X POST $BASE/api/v1/admin/jobs/indicator-snapshots; cat "$out/contract-answer"; echo
python3 bench/contract-setup.py $BASE $TOKEN cpts 99 "$signed"
measured "snapshot, catch-up of the 99 others" -X POST $BASE/api/v1/admin/jobs/indicator-snapshots; cat "$out/contract-answer"; echo
for k in 1 2 3; do
  # a month's run: the latest month of every contract measured again (its snapshots removed first)
  psql_ -c "delete from indicator_value v using indicator i where i.id = v.indicator_id and v.origin = 'SNAPSHOT' and v.period_start = (select max(period_start) from indicator_value where origin = 'SNAPSHOT')"
  measured "snapshot, a month's run for 100 CPTS (run $k)" -X POST $BASE/api/v1/admin/jobs/indicator-snapshots; cat "$out/contract-answer"; echo
done

echo "== action sheets, budget lines, the FEC"
year=$(date +%Y)
python3 bench/contract-setup.py $BASE $TOKEN work "$cpts" "$year"
fec="$out/fec-200000.txt"
[ -s "$fec" ] || python3 bench/contract-setup.py fec "$fec" 200000 "$year"
echo "FEC: $(wc -l <"$fec") lines, $(du -m "$fec" | cut -f1) MB"
measured "FEC 200,000 lines, dry run (checked, nothing applied)" -F "file=@$fec" "$BASE/api/v1/cpts/$cpts/budget/fec?dryRun=true"
measured "FEC 200,000 lines, checked and imported" -F "file=@$fec" "$BASE/api/v1/cpts/$cpts/budget/fec"
python3 -c "import json; d=json.load(open('$out/contract-answer')); print('  applied', d['applied'], 'lines', d['lines'], 'problems', len(d['problems']))"
measured "FEC 200,000 lines, the same file again" -F "file=@$fec" "$BASE/api/v1/cpts/$cpts/budget/fec"
python3 -c "import json; d=json.load(open('$out/contract-answer')); print('  unchanged', d['unchanged'])"
measured "budget of the year (GET)" "$BASE/api/v1/cpts/$cpts/budget?year=$year"

echo "== the annual report"
for k in 1 2 3; do
  measured "report, contract year 1 (past: snapshots), run $k" -X POST "$BASE/api/v1/cpts/$cpts/aci-report?year=1"
  measured "report, contract year 2 (in course: this month measured live), run $k" -X POST "$BASE/api/v1/cpts/$cpts/aci-report?year=2"
done
python3 -c "import json; d=json.load(open('$out/contract-answer')); print('  last:', d['version'])"
curl -s "${auth[@]}" -o "$out/report.pdf" "$BASE$(python3 -c "import json; print(json.load(open('$out/contract-answer'))['pdf'])")"
echo "  PDF $(du -k "$out/report.pdf" | cut -f1) KB"
measured "projet de santé (DOCX)" "$BASE/api/v1/cpts/$cpts/projet-de-sante.docx?year=$year"
