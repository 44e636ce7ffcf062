#!/usr/bin/env bash
# RPPS import benchmark (issue 3): N generated lines imported for the whole installation, the
# application limited to a 512 MB heap. Load generator, application and embedded PostgreSQL on
# this machine.   bench/rpps.sh [LINES...]   (default: 100000)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source bench/lib.sh
build_jar
start_app "${BENCH_PORT:-18091}" "$out/app-rpps.log" -Xmx512m -XX:+UseG1GC
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
