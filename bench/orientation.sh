#!/usr/bin/env bash
# Orientation benchmark (issue 5).
#   bench/orientation.sh national [REQUESTS GPS]   the engine alone at national scale (default
#       6,000,000 requests over the real communes by population, 60,000 GPs), then OR-Tools'
#       min-cost-flow solver on the very same network: both times, both optimal costs.
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
  *) echo "usage: bench/orientation.sh national [REQUESTS GPS]" >&2; exit 2 ;;
esac
