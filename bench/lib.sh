#!/usr/bin/env bash
# Shared by the benchmark scripts: a JDK 25, the application jar, and one running instance
# with an unattended administrator and its API token, on a data directory of its own.
out=bench/out; mkdir -p "$out"
TOKEN=bench-token-2f7c1e9a4b6d8f0a3c5e7b9d1f2a4c6e
for d in ${JAVA_HOME:-} /usr/lib/jvm/*; do
  if [ -x "$d/bin/javac" ] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then export JAVA_HOME=$d; break; fi
done
export PATH="$JAVA_HOME/bin:$PATH"

build_jar() {
  ./mvnw -q -B -DskipTests package >"$out/build.log" 2>&1
  jar=$(ls target/maillage-*.jar | grep -v original | head -1)
}

# start_app PORT LOG [JVM options...]: starts the jar on a fresh data directory and waits for it.
start_app() {
  local port=$1 log=$2; shift 2
  BASE=http://127.0.0.1:$port
  data=$(mktemp -d /tmp/maillage-bench.XXXX)
  MAILLAGE_ADMIN_EMAIL=bench@maillage.test MAILLAGE_ADMIN_PASSWORD=Bench-Password-2026 MAILLAGE_ADMIN_TOKEN=$TOKEN \
    java "$@" -jar "$jar" --server.port=$port --maillage.database.directory="$data/postgres" --maillage.files.directory="$data/files" >"$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
  until curl -s -o /dev/null "$BASE/actuator/health"; do sleep 0.2; done
}

# The embedded database's owner password (generated at its first start, beside its data folder),
# for psql and pgbench: the application's own role cannot load benchmark data into every table.
owner_password() { sed -n 's/^owner.password=//p' "$data/postgres.credentials"; }

# slots_sql CPTS: SQL giving every professional with an active place 40 slots of 20 minutes in CPTS,
# spread over the next 30 days from 7:00 (the day and hour from a hash of their id).
slots_sql() {
  cat <<SQL
insert into snp_slot (id, cpts_id, practitioner_id, owner_label, kind, profession_code, commune_code, starts_at, ends_at)
select gen_random_uuid(), '$1', x.id, x.last_name, 'CABINET', x.profession_code, x.commune_code, t, t + interval '20 minutes'
from (select distinct on (p.id) p.id, p.last_name, p.profession_code, a.commune_code, abs(hashtext(p.id::text)) % 30 as h
      from practitioner p join practitioner_activity a on a.practitioner_id = p.id where a.active and p.profession_code is not null
      order by p.id, a.commune_code) x
cross join lateral (select date_trunc('day', now()) + ((g - 1) % 30 + 1) * interval '1 day' + interval '7 hours'
                           + ((g * 7 + x.h) % 30) * interval '20 minutes' as t from generate_series(1, 40) g) s;
analyze snp_slot;
SQL
}
