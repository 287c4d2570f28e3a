#!/usr/bin/env bash
# Measures the coordinator's task board and task list on PostgreSQL with many tasks.
#
#   bench/board.sh [TASKS]        default 500000 tasks spread over all 3,321 communes
#
# Starts a throwaway PostgreSQL (the functions of ../test.sh), runs DanVan on it (Release build),
# seeds the demo data, bulk-inserts TASKS tasks with one deadline each (dates over three years, a mix of
# done on time, done late, open and overdue), then times each page 20 times with curl after 3 warm-ups
# and prints median and 95th percentile. A benchmark, not a test: nothing fails on a number.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=../test.sh
source ./test.sh
TASKS=${1:-500000}
PORT=5097
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

ensure_postgres
trap 'kill "${APP_PID:-0}" 2>/dev/null || true; stop_postgres' EXIT
start_postgres
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PGPORT_" -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE danvan_bench"
CS="Host=127.0.0.1;Port=$PGPORT_;Username=postgres;Database=danvan_bench"

dotnet build src/DanVan -c Release -v q >/dev/null
DLL=src/DanVan/bin/Release/net10.0/DanVan.dll
CONFIG=(--Database:Provider=Postgres "--ConnectionStrings:Postgres=$CS" --FollowUp:Enabled=false --Logging:LogLevel:Default=Warning)
dotnet "$DLL" seed-demo "${CONFIG[@]}" >/dev/null   # the verb comes first

log "inserting $TASKS tasks"
start=$SECONDS
"${PSQL[@]}" -d danvan_bench -v tasks="$TASKS" -v province= -f bench/sql/bulk-tasks.sql
log "inserted in $((SECONDS - start)) s"

dotnet "$DLL" "${CONFIG[@]}" --urls "http://127.0.0.1:$PORT" >/tmp/danvan-bench-app.log 2>&1 &
APP_PID=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done

login() { # user → cookie jar
  local jar=$1 user=$2 token
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "UserName=$user" --data-urlencode "Password=DanVan@2026" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$PORT/Account/Login"
}

measure() { # name jar path
  local name=$1 jar=$2 path=$3 times
  for _ in 1 2 3; do curl -s -b "$jar" -o /dev/null "http://127.0.0.1:$PORT$path"; done
  times=$(for _ in $(seq 1 20); do curl -s -b "$jar" -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$PORT$path"; done)
  echo "$times" | grep -qv '^200 ' && { echo "$name: non-200 answers"; echo "$times" | sort | uniq -c | head; }
  echo "$times" | awk '{print $2 * 1000}' | sort -n | awk -v name="$name" '{a[NR]=$1} END {printf "| %s | %.0f ms | %.0f ms |\n", name, a[int(NR/2)+1], a[int(NR*0.95)]}'
}

JAR_C=$(mktemp); JAR_A=$(mktemp); JAR_O=$(mktemp)
login "$JAR_C" dieuphoi; login "$JAR_A" admin; login "$JAR_O" canbo
echo
echo "DanVan task pages on PostgreSQL 15, $TASKS tasks over 3,321 communes, $(nproc) cores; 20 requests each after 3 warm-ups"
echo
echo "| page | median | p95 |"
echo "|---|---|---|"
measure "Board, coordinator (Tây Ninh)" "$JAR_C" "/Tasks/Board"
measure "Board, admin (whole country)" "$JAR_A" "/Tasks/Board"
measure "Overdue list, coordinator" "$JAR_C" "/Tasks?view=all&state=Overdue"
measure "My unit's tasks, ward officer" "$JAR_O" "/Tasks"
measure "Health (reference)" "$JAR_O" "/healthz"
rm -f "$JAR_C" "$JAR_A" "$JAR_O"
