#!/usr/bin/env bash
# RPPS import benchmark (issue 3): N generated lines imported for the whole installation, the
# application limited to a 512 MB heap. Load generator, application and embedded PostgreSQL on
# this machine.   bench/rpps.sh [LINES...]   (default: 100000)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
out=bench/out; mkdir -p "$out"
for d in ${JAVA_HOME:-} /usr/lib/jvm/*; do
  if [ -x "$d/bin/javac" ] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then export JAVA_HOME=$d; break; fi
done
export PATH="$JAVA_HOME/bin:$PATH"
PORT=${BENCH_PORT:-18091}; BASE=http://127.0.0.1:$PORT; TOKEN=bench-token-2f7c1e9a4b6d8f0a3c5e7b9d1f2a4c6e
./mvnw -q -B -DskipTests package >"$out/build.log" 2>&1
jar=$(ls target/maillage-*.jar | grep -v original | head -1)
data=$(mktemp -d /tmp/maillage-bench.XXXX)
MAILLAGE_ADMIN_EMAIL=bench@maillage.test MAILLAGE_ADMIN_PASSWORD=Bench-Password-2026 MAILLAGE_ADMIN_TOKEN=$TOKEN \
  java -Xmx512m -XX:+UseG1GC -jar "$jar" --server.port=$PORT --maillage.database.directory="$data/postgres" >"$out/app-rpps.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -s -o /dev/null "$BASE/actuator/health"; do sleep 0.2; done
for lines in "${@:-100000}"; do
  file="$out/rpps-$lines.txt"
  [ -s "$file" ] || python3 bench/make-rpps.py "$lines" "$file" >/dev/null
  for run in first again; do
    t0=$(date +%s.%N)
    id=$(curl -s -H "Authorization: Bearer $TOKEN" -F "file=@$file" $BASE/api/v1/imports/rpps | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    t1=$(date +%s.%N)
    peak=0
    while :; do
      status=$(curl -s -H "Authorization: Bearer $TOKEN" $BASE/api/v1/imports/$id)
      heap=$(curl -s -H "Authorization: Bearer $TOKEN" -H "Accept: text/plain" "$BASE/actuator/prometheus" \
        | awk '/^jvm_memory_used_bytes\{area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}')
      [ "$heap" -gt "$peak" ] && peak=$heap
      case "$status" in *'"status":"DONE"'*|*'"status":"REFUSED"'*|*'"status":"FAILED"'*) break;; esac
      sleep 0.5
    done
    t2=$(date +%s.%N)
    echo "$lines lines ($run import, $(du -m "$file" | cut -f1) MB): upload $(python3 -c "print(round($t1-$t0,1))") s, import $(python3 -c "print(round($t2-$t1,1))") s; heap used, highest sample: ${peak} MB (-Xmx512m)"
    echo "  $(echo "$status" | python3 -c 'import json,sys; d=json.load(sys.stdin); print({k: d[k] for k in ("status","created","updated","unchanged","inactivated","rejected")})')"
  done
done
