#!/usr/bin/env bash
# Directory search benchmark (issue 3) on a region-scale directory: a generated RPPS extraction
# giving about 25,000 professionals, 3,000 structures created through the API, commune
# coordinates imported; then, by 50 users (1 s think time) and at saturation:
#   GET /api/v1/practitioners?q=            name / first name / profession words
#   GET /api/v1/practitioners?near=&radiusKm=15&profession=   distance from a commune
#   GET /api/v1/organizations?q=            structure names and communes
# Load generator, application and embedded PostgreSQL on this machine.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
build_jar
start_app "${BENCH_PORT:-18093}" "$out/app-search.log"
file="$out/rpps-26300.txt"
[ -s "$file" ] || python3 bench/make-rpps.py 26300 "$file" >/dev/null
id=$(curl -s -H "Authorization: Bearer $TOKEN" -F "file=@$file" $BASE/api/v1/imports/rpps | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -s -H "Authorization: Bearer $TOKEN" $BASE/api/v1/imports/$id | grep -q '"status":"DONE"'; do sleep 0.5; done
structures="$out/structures-3000.jsonl"
[ -s "$structures" ] || python3 bench/make-structures.py 3000 "$structures" >/dev/null
python3 bench/post-lines.py $BASE $TOKEN /api/v1/organizations "$structures"
curl -s -o /dev/null -w "coordinates import: HTTP %{http_code}\n" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @../shared/data/reference/communes-centroids-2018.csv $BASE/api/v1/reference/coordinates
python3 - "$out" "$file" "$structures" <<'PY'
import json, random, sys, collections
out, rpps, structures = sys.argv[1:4]
random.seed(3)
last = "martin bernard thomas petit robert richard durand dubois moreau laurent simon michel lefebvre leroy roux david lefevre garnier guerin francois clement".split()
first = "marie jean pierre anne helene zoe jerome gaelle lea chloe ines noe camille".split()
qs = []
for _ in range(2000):
    r = random.random()
    if r < 0.4: qs.append(random.choice(last)[:random.randint(3, 8)])
    elif r < 0.7: qs.append(random.choice(last) + " " + random.choice(first))
    elif r < 0.85: qs.append(random.choice(first))
    else: qs.append(random.choice(["infirmier", "medecin", "kine", "pharmacien", "sage"]))
open(f"{out}/search-queries.txt", "w").write("\n".join(qs) + "\n")
# communes where professionals practise, weighted as they come in the file: "near" searches around them
header = open(rpps, encoding="utf-8").readline().rstrip("|\r\n").split("|")
col = header.index("Code commune (coord. structure)")
codes = [line.split("|")[col] for line in open(rpps, encoding="utf-8").readlines()[1:]]
open(f"{out}/near-queries.txt", "w").write("\n".join(random.choice(codes) for _ in range(2000)) + "\n")
names = [json.loads(l)["name"] for l in open(structures, encoding="utf-8")]
sq = []
for _ in range(2000):
    words = random.choice(names).split()
    sq.append(" ".join(random.sample(words[:-1], min(2, len(words) - 1))).lower())
open(f"{out}/structure-queries.txt", "w").write("\n".join(sq) + "\n")
PY
echo "== $(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/practitioners?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])') professionals, $(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/organizations?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])') structures"
run() { java bench/LoadTest.java users $BASE $TOKEN "$@"; }
run "$out/search-queries.txt" 50 1000 60 "/api/v1/practitioners?size=25&q="
run "$out/search-queries.txt" 16 0 30 "/api/v1/practitioners?size=25&q="
run "$out/search-queries.txt" 50 0 30 "/api/v1/practitioners?size=25&q="
run "$out/near-queries.txt" 50 1000 60 "/api/v1/practitioners?size=25&radiusKm=15&profession=10&near="
run "$out/near-queries.txt" 16 0 30 "/api/v1/practitioners?size=25&radiusKm=15&profession=10&near="
run "$out/structure-queries.txt" 50 1000 60 "/api/v1/organizations?size=25&q="
run "$out/structure-queries.txt" 16 0 30 "/api/v1/organizations?size=25&q="
