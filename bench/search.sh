#!/usr/bin/env bash
# Directory search benchmark (issue 3): a 25,000-line generated RPPS extraction imported for the
# installation, then GET /api/v1/practitioners?q= by 50 users (1 s think time) and at saturation.
# Load generator, application and embedded PostgreSQL on this machine.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
build_jar
start_app "${BENCH_PORT:-18093}" "$out/app-search.log" 
file="$out/rpps-25000.txt"
[ -s "$file" ] || python3 bench/make-rpps.py 25000 "$file" >/dev/null
id=$(curl -s -H "Authorization: Bearer $TOKEN" -F "file=@$file" $BASE/api/v1/imports/rpps | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -s -H "Authorization: Bearer $TOKEN" $BASE/api/v1/imports/$id | grep -q '"status":"DONE"'; do sleep 0.5; done
python3 - "$out/search-queries.txt" <<'PY'
import random, sys
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
open(sys.argv[1], "w").write("\n".join(qs) + "\n")
PY
echo "== directory search on $(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/practitioners?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])') professionals"
java bench/LoadTest.java users $BASE $TOKEN "$out/search-queries.txt" 50 1000 60 "/api/v1/practitioners?size=25&q="
java bench/LoadTest.java users $BASE $TOKEN "$out/search-queries.txt" 16 0 30 "/api/v1/practitioners?size=25&q="
java bench/LoadTest.java users $BASE $TOKEN "$out/search-queries.txt" 50 0 30 "/api/v1/practitioners?size=25&q="
