#!/usr/bin/env bash
# The benchmark harness: one command from a clone to a results table.
#
#   bench/run.sh                  national scale: ~37,000 units, 100,000 users, 500,000 tasks (generated once, kept)
#   bench/run.sh --quick          province scale, 1 s warm-up and 5 s per scenario, short micro-benchmarks; the
#                                 report stays in artifacts/bench/results/ (a try-out, not a result to keep)
#   options: --scale national|province  --seed N  --duration S  --warmup S  --clients N  --only a,b
#            --no-micro (skip bench/micro.sh)  --regenerate (drop the benchmark database and generate it again)
#
# 1. PostgreSQL 15 (installed if missing, like ./test.sh) runs a cluster kept in artifacts/bench/pgdata, so the
#    generated data survives between runs; the server runs only while this script does.
# 2. Release build of DanVan and of the load driver (bench/DanVan.Load).
# 3. If the database has no generated data: `DanVan.dll generate-data --scale S --seed N`. Without that verb (older
#    builds) the fallback is the demo data + bulk-inserted tasks (as bench/board.sh) + report periods opened through
#    the API, said so in the results.
# 4. DanVan on a loopback port with Bench:Enabled=true; the driver (a second process) signs in through the login
#    form and runs every scenario, then the references: the fixed page of the same size and the raw SQL.
# 5. Peak memory of the app (VmHWM), micro-benchmarks (bench/micro.sh), the machine, and a Markdown report:
#    bench/results/<date>-<scale>.md (+ .json) and bench/results/latest.md, compared with the previous run on the
#    same data.
# A benchmark, not a test: nothing fails on a number.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=../test.sh
source ./test.sh

BENCH=$PWD/artifacts/bench
PGDIR=$BENCH/pgdata          # the kept cluster: $PGDIR/data, socket and server log beside it
BPGPORT=                     # port of the running benchmark cluster
APP_PID=

# ---------------------------------------------------------------- the kept cluster

as_pg_bench() {
  if [[ $EUID -eq 0 ]]; then (cd "$PGDIR" && runuser -u postgres -- "$@")
  else "$@"
  fi
}

# Starts the benchmark cluster (initdb on first use). "load" = bulk-load settings (no fsync), for generation only.
bench_pg_start() {
  local mode=${1:-measure}
  mkdir -p "$PGDIR"
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres: "$PGDIR"
    runuser -u postgres -- test -w "$PGDIR" || die "the postgres user cannot write $PGDIR (a parent folder is not readable by it)"
  fi
  if [[ ! -f $PGDIR/data/PG_VERSION ]]; then
    local locale=(--locale=C.UTF-8)
    locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' || locale=(--no-locale)
    as_pg_bench "$PG_BIN/initdb" -D "$PGDIR/data" -A trust -U postgres --encoding=UTF8 "${locale[@]}" \
      >"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log" >&2; die "initdb failed"; }
    # A modest production-like server: durable commits, more cache than the 128 MB default.
    cat >>"$PGDIR/data/postgresql.conf" <<EOF

# --- DanVan benchmark cluster (bench/run.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PGDIR'
max_connections = 200
shared_buffers = 1GB
effective_cache_size = 4GB
maintenance_work_mem = 256MB
EOF
  fi
  # pg_stat_statements lets the driver check its SQL references against the pages; it tracks only during that check.
  if ! grep -q '^shared_preload_libraries' "$PGDIR/data/postgresql.conf"; then
    cat >>"$PGDIR/data/postgresql.conf" <<EOF
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = none
pg_stat_statements.track_utility = off
EOF
  fi
  # Left running by a run that was killed? It is ours: stop it first.
  if as_pg_bench "$PG_BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
    as_pg_bench "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast -w -t 120 stop >/dev/null
  fi
  local opts="" attempt
  [[ $mode == load ]] && opts="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  for attempt in 1 2 3 4 5; do
    BPGPORT=$(free_port)
    if as_pg_bench "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/postgres.log" -o "-p $BPGPORT $opts" -w -t 120 start >/dev/null; then
      break
    fi
    [[ $attempt -eq 5 ]] && { tail -n 30 "$PGDIR/postgres.log" >&2 || true; die "postgres did not start"; }
  done
  # The driver turns statement tracking on only for its check; a driver killed meanwhile must not leave it on.
  bpsql -d postgres -c "ALTER SYSTEM RESET pg_stat_statements.track" -c "SELECT pg_reload_conf()" >/dev/null
  log "benchmark postgres on 127.0.0.1:$BPGPORT ($mode settings, data in $PGDIR/data)"
}

bench_pg_stop() {
  [[ -n $BPGPORT && -f $PGDIR/data/postmaster.pid ]] || return 0
  as_pg_bench "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast -w -t 120 stop >/dev/null 2>&1 || true
  BPGPORT=
}

bpsql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$BPGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

bench_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $APP_PID ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  bench_pg_stop
  exit "$rc"
}

# ---------------------------------------------------------------- data

DLL=src/DanVan/bin/Release/net10.0/DanVan.dll
LOAD=bench/DanVan.Load/bin/Release/net10.0/DanVan.Load.dll

app_config() { # the app's settings for the benchmark database
  CS="Host=127.0.0.1;Port=$BPGPORT;Username=postgres;Database=$DB"
  CONFIG=(--Database:Provider=Postgres "--ConnectionStrings:Postgres=$CS" --FollowUp:Enabled=false --Demo:Seed=false
          --Logging:LogLevel:Default=Warning)
}

# Starts DanVan on a free loopback port (or $APP_PORT when set) and waits for /healthz; extra arguments go to the
# app; its output goes to $APP_LOG (default artifacts/bench/app.log).
start_app() {
  APP_PORT=${APP_PORT:-$(free_port)}
  local app_log=${APP_LOG:-$BENCH/app.log}
  APP_CMD=(dotnet "$DLL" "${CONFIG[@]}" "$@" --urls "http://127.0.0.1:$APP_PORT")
  "${APP_CMD[@]}" >"$app_log" 2>&1 &
  APP_PID=$!
  local i
  for ((i = 0; i < 240; i++)); do
    curl -sf "http://127.0.0.1:$APP_PORT/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 40 "$app_log" >&2
  die "the app did not answer /healthz on port $APP_PORT"
}

stop_app() {
  [[ -n $APP_PID ]] || return 0
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID= APP_PORT=
}

# Percent of all cores busy over $1 seconds (/proc/stat), whoever uses them.
cpu_busy() {
  local u1 n1 s1 i1 w1 q1 sq1 st1 u2 n2 s2 i2 w2 q2 sq2 st2
  read -r _ u1 n1 s1 i1 w1 q1 sq1 st1 _ </proc/stat
  sleep "$1"
  read -r _ u2 n2 s2 i2 w2 q2 sq2 st2 _ </proc/stat
  local busy=$(((u2 + n2 + s2 + q2 + sq2 + st2) - (u1 + n1 + s1 + q1 + sq1 + st1))) idle=$(((i2 + w2) - (i1 + w1)))
  echo $((100 * busy / (busy + idle > 0 ? busy + idle : 1)))
}

thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }

# Prints the shell-quoted words of a command, to paste back.
quoted() {
  local out= w
  for w in "$@"; do
    if [[ $w =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then out+="$w "; else out+="'${w//\'/\'\\\'\'}' "; fi
  done
  echo "${out% }"
}

# One field of the marker run.sh writes once the data is complete (bench.data in $DB); empty if there is none.
marker() {
  [[ $(bpsql -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$DB'") == 1 ]] || return 0
  bpsql -d "$DB" -c "SELECT $1 FROM bench.data" 2>/dev/null || true
}

write_marker() { # source label seconds commands
  bpsql -d "$DB" -v source="$1" -v label="$2" -v seconds="$3" -v commands="$4" <<'SQL'
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS bench.data;
CREATE TABLE bench.data (source text NOT NULL, label text NOT NULL, seconds int NOT NULL, commands text NOT NULL,
                         made_at timestamptz NOT NULL DEFAULT now());
INSERT INTO bench.data (source, label, seconds, commands) VALUES (:'source', :'label', :seconds, :'commands');
SQL
}

login_curl() { # jar user
  local jar=$1 user=$2 token base="http://127.0.0.1:$APP_PORT"
  token=$(curl -s -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "UserName=$user" --data-urlencode "Password=DanVan@2026" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
}

# Fills $DB from scratch: generate-data when the app has it, else the fallback. Runs on the bulk-load settings.
make_data() {
  local start=$SECONDS source label commands cmd
  bpsql -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  app_config
  log "seed-demo (units of the whole country, Tây Ninh, demo accounts)"
  cmd=(dotnet "$DLL" seed-demo "${CONFIG[@]}")
  commands=$(quoted "${cmd[@]}")
  "${cmd[@]}" >"$BENCH/seed.log" 2>&1 || { cat "$BENCH/seed.log" >&2; die "seed-demo failed"; }
  if [[ $HAS_GENERATOR == 1 ]]; then
    cmd=(dotnet "$DLL" generate-data --scale "$SCALE" --seed "$SEED" "${CONFIG[@]}")
    commands+=$'\n'$(quoted "${cmd[@]}")
    log "generate-data --scale $SCALE --seed $SEED (this takes a while; log: $BENCH/generate.log)"
    "${cmd[@]}" >"$BENCH/generate.log" 2>&1 || { tail -n 30 "$BENCH/generate.log" >&2; die "generate-data failed"; }
    source=generate-data label="generate-data --scale $SCALE --seed $SEED"
  else
    local tasks province
    if [[ $SCALE == national ]]; then tasks=500000 province=; else tasks=50000 province=80; fi
    log "FALLBACK: this build has no generate-data verb: demo data + $tasks bulk tasks + report periods of Tây Ninh"
    cmd=(psql -v tasks="$tasks" -v province="$province" -f bench/sql/bulk-tasks.sql)
    commands+=$'\n'$(quoted "${cmd[@]}")
    bpsql -d "$DB" "${cmd[@]:1}"
    # Report periods are opened through the API (the dates come from the regime and the working-day calendar).
    start_app
    local jar year kind regime
    jar=$(mktemp)
    login_curl "$jar" dieuphoi
    regime=$(bpsql -d "$DB" -c 'SELECT min("Id") FROM "ReportRegimes"')
    for year in 2023 2024 2025; do
      for kind in FirstHalf Year; do
        curl -sf -b "$jar" -H 'Content-Type: application/json' -o /dev/null \
          -d "{\"regimeId\":$regime,\"kind\":\"$kind\",\"year\":$year}" \
          "http://127.0.0.1:$APP_PORT/api/reports/periods" || die "opening the $kind $year report period failed"
      done
    done
    rm -f "$jar"
    stop_app
    commands+=$'\n'"# as dieuphoi: POST /api/reports/periods {\"regimeId\":$regime,\"kind\":\"FirstHalf\"|\"Year\",\"year\":2023|2024|2025}"
    commands+=$'\n'"psql -f bench/sql/fill-reports.sql"
    bpsql -d "$DB" -f bench/sql/fill-reports.sql
    source=fallback
    label="FALLBACK (no generate-data verb in this build): demo data + $(thousands "$tasks") bulk tasks over the communes of $([[ -z $province ]] && echo 'the country' || echo 'Tây Ninh') + 6 report periods of Tây Ninh (2023-2025, 9 reports in 10 submitted)"
  fi
  bpsql -d "$DB" -c "VACUUM ANALYZE" -c "CHECKPOINT"
  write_marker "$source" "$label" $((SECONDS - start)) "$commands"
  log "data ready in $((SECONDS - start)) s"
}

# ---------------------------------------------------------------- shared steps (also sourced by surge.sh, faults.sh)

# Release build of DanVan and of the load driver; HAS_GENERATOR=1 when the app has the generate-data verb.
bench_build() {
  log "dotnet build (Release): DanVan and bench/DanVan.Load"
  dotnet build src/DanVan -c Release -nologo -v quiet >"$BENCH/build.log" 2>&1 || { tail -n 30 "$BENCH/build.log" >&2; die "build failed"; }
  dotnet build bench/DanVan.Load -c Release -nologo -v quiet >>"$BENCH/build.log" 2>&1 || { tail -n 30 "$BENCH/build.log" >&2; die "build failed"; }
  # An unknown verb would start the web server, so ask `help` whether the generator exists.
  HAS_GENERATOR=0
  local help; help=$(dotnet "$DLL" help 2>/dev/null || true)
  [[ $help == *generate-data* ]] && HAS_GENERATOR=1
}

# Starts the kept cluster (measure settings) with the $SCALE data in $DB, made first when absent, outdated or
# --regenerate ($REGENERATE); sets DATA_SOURCE (generate-data|fallback), DATA_LABEL and DATA_MADE_NOW.
bench_data() {
  bench_pg_start measure
  local need=
  DATA_SOURCE=$(marker source) DATA_MADE_NOW=
  if [[ -n ${REGENERATE:-} ]]; then need="--regenerate"
  elif [[ -z $DATA_SOURCE ]]; then need="no benchmark data yet"
  elif [[ $DATA_SOURCE == fallback && $HAS_GENERATOR == 1 ]]; then need="the kept data is the fallback and generate-data now exists"
  elif [[ $DATA_SOURCE == generate-data && $SCALE == national ]] \
       && (($(bpsql -d "$DB" -c 'SELECT count(*) FROM "OrgUnits"') <= 30000)); then need="fewer than 30,000 units"
  fi
  if [[ -n $need ]]; then
    log "making the $SCALE data ($need)"
    bench_pg_stop
    bench_pg_start load
    make_data
    bench_pg_stop
    bench_pg_start measure
    DATA_SOURCE=$(marker source) DATA_MADE_NOW=1
  else
    log "keeping the $SCALE data made on $(marker "to_char(made_at, 'YYYY-MM-DD')") ($(marker seconds) s to make; --regenerate to make it again)"
  fi
  DATA_LABEL=$(marker label)
}

# Row counts and size of database $1 (default $DB), one line.
data_counts() {
  bpsql -d "${1:-$DB}" -F ' ' -c "SELECT to_char((SELECT count(*) FROM \"OrgUnits\"), 'FM999,999,999') || ' units, ' ||
    to_char((SELECT count(*) FROM \"AspNetUsers\"), 'FM999,999,999') || ' users, ' ||
    to_char((SELECT count(*) FROM \"WorkItems\"), 'FM999,999,999') || ' tasks, ' ||
    to_char((SELECT count(*) FROM \"WorkItemDeadlines\"), 'FM999,999,999') || ' deadlines, ' ||
    to_char((SELECT count(*) FROM \"Documents\"), 'FM999,999,999') || ' documents, ' ||
    to_char((SELECT count(*) FROM \"ReportPeriods\"), 'FM999,999,999') || ' report periods, ' ||
    to_char((SELECT count(*) FROM \"ReportSubmissions\"), 'FM999,999,999') || ' report slots; ' ||
    pg_size_pretty(pg_database_size(current_database()))"
}

# The machine, as "Key: value" lines (what the reports list under Machine). $1: the data line; $2: CPU busy % before.
machine_info() {
  echo "CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(lscpu | sed -n 's/^Thread(s) per core: *//p') thread(s) per core"
  echo "Cores: $(nproc)"
  awk '/^MemTotal:/ {printf "Memory: %.1f GB\n", $2 / 1048576}' /proc/meminfo
  echo "OS: $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
  echo ".NET: SDK $(dotnet --version), $(dotnet --list-runtimes | grep AspNetCore.App | tail -n 1 | cut -d' ' -f1-2)"
  echo "PostgreSQL: $(bpsql -d postgres -c 'SHOW server_version') on the same machine; shared_buffers $(bpsql -d postgres -c 'SHOW shared_buffers'), fsync $(bpsql -d postgres -c 'SHOW fsync'), synchronous_commit $(bpsql -d postgres -c 'SHOW synchronous_commit')"
  echo "DanVan: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench 2>/dev/null || echo ' (with uncommitted changes)'), Release, Kestrel on loopback, app, PostgreSQL and driver sharing the cores"
  echo "Data: $1"
  echo "CPU busy before the run: $2% of all cores over 3 s, by other processes (load average ${LOADAVG_BEFORE:-?})"
}

# The options every script takes besides its own: --regenerate, --help (the script's header). $1: the script, $2: the option.
bench_option() {
  case $2 in
    --regenerate) REGENERATE=1 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$1" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $2 (see $1 --help)" ;;
  esac
}

# Everything before a run: PostgreSQL 15, the folders (RESULTS: bench/results, or artifacts/bench/results with
# --quick), the cleanup trap ($1, a function), the build, the kept data of $SCALE (DB).
bench_prepare() {
  DB=danvan_$SCALE RESULTS=bench/results
  [[ -z ${QUICK:-} ]] || RESULTS=$BENCH/results
  ensure_postgres
  command -v dotnet >/dev/null || die "dotnet not found on PATH"
  mkdir -p "$BENCH" "$RESULTS"
  trap "$1" EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  bench_build
  bench_data
}

# The report's path without .md: folder $1, <date>-$2[-quick], then -2, -3… if that exists.
result_path() {
  local name; name=$1/$(date -u +%F)-$2
  [[ -z ${QUICK:-} ]] || name+=-quick
  local out=$name n=2
  while [[ -e $out.md ]]; do out=$name-$n; n=$((n + 1)); done
  echo "$out"
}

# Shows the report $1.md a driver wrote (exit status $2).
show_result() {
  [[ -f $1.md ]] || die "the driver wrote no report (exit status $2)"
  echo
  cat "$1.md"
  echo
  log "results: $1.md"
}

# For the scripts that write (surge.sh, faults.sh): the kept $DB copied to $1, which becomes $DB, with the app's
# settings for it; DATA_COMMANDS (how the kept data was made and copied), DATA_LINE (its counts, for machine_info)
# and BUSY (% of the CPU other processes used just before, with LOADAVG_BEFORE).
bench_copy() {
  local kept=$DB label; label=$(marker label)
  DATA_COMMANDS="# the $SCALE data (kept in artifacts/bench/pgdata, made once):"$'\n'$(marker commands)$'\n'"psql -c 'CREATE DATABASE $1 TEMPLATE $kept'"
  log "copying $kept to $1 (the run writes there)"
  copy_database "$1"
  DB=$1
  app_config
  DATA_LINE="$(data_counts) (a copy of $kept, made by: $label)"
  log "data: $DATA_LINE"
  LOADAVG_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  BUSY=$(cpu_busy 3)
  ((BUSY < 25)) || log "WARNING: the CPU was ${BUSY}% busy before the run (other processes): the numbers will be low"
}

# A copy of $DB named $1 for a run that writes (surge.sh, faults.sh): every run starts from the same kept data, and
# the kept data stays as bench/run.sh measures it. CREATE DATABASE … TEMPLATE copies the files (seconds).
copy_database() {
  bpsql -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1 TEMPLATE $DB"
}

# ---------------------------------------------------------------- main

bench_main() {
  SCALE=national SEED=1 CLIENTS=8 WARMUP=3 DURATION=20 ONLY= MICRO=1 REGENERATE= QUICK= MICRO_ARGS=()
  local argv=("$@")
  while [[ $# -gt 0 ]]; do
    case $1 in
      --quick) QUICK=1 SCALE=province WARMUP=1 DURATION=5 MICRO_ARGS=(--job short) ;;
      --scale) SCALE=$2; shift ;;
      --seed) SEED=$2; shift ;;
      --clients) CLIENTS=$2; shift ;;
      --warmup) WARMUP=$2; shift ;;
      --duration) DURATION=$2; shift ;;
      --only) ONLY=$2; shift ;;
      --no-micro) MICRO= ;;
      *) bench_option "${BASH_SOURCE[0]}" "$1" ;;
    esac
    shift
  done
  [[ $SCALE == national || $SCALE == province ]] || die "--scale is national or province"
  local total=$SECONDS

  bench_prepare bench_cleanup
  local results=$RESULTS
  local source=$DATA_SOURCE made_now=$DATA_MADE_NOW
  local data_seconds data_commands data_made
  data_seconds=$(marker seconds) data_commands=$(marker commands) data_made=$(marker "to_char(made_at, 'YYYY-MM-DD')")
  app_config
  bpsql -d "$DB" -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
  local counts
  counts=$(data_counts)
  log "data: $counts"

  # ---- load
  LOADAVG_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  BUSY_BEFORE=$(cpu_busy 3)   # nothing of ours runs now: this is everyone else
  ((BUSY_BEFORE < 25)) || log "WARNING: the CPU was ${BUSY_BEFORE}% busy before the run (other processes): the numbers will be low"
  # The driver is one client address: the public pages' per-client limit (Security:PublicRequestsPerClientPerMinute)
  # would answer 429 after 120 requests, so it is lifted here; bench/surge.sh keeps the limits of production.
  start_app --Bench:Enabled=true --Security:PublicRequestsPerClientPerMinute=100000000
  log "app pid $APP_PID on 127.0.0.1:$APP_PORT (log: $BENCH/app.log)"
  local stamp; stamp=$(date -u +%Y%m%dT%H%M%SZ)
  local load_json=$BENCH/load-$stamp.json
  LOAD_CMD=(dotnet "$LOAD" run --base-url "http://127.0.0.1:$APP_PORT" --pg "$CS" --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION"
            --data "$DATA_LABEL" --out "$load_json")
  [[ -n $ONLY ]] && LOAD_CMD+=(--only "$ONLY")
  "${LOAD_CMD[@]}"
  local peak_kb; peak_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$APP_PID/status" 2>/dev/null || true)
  log "app peak memory (VmHWM): $((${peak_kb:-0} / 1024)) MB"

  local machine=$BENCH/machine.txt
  machine_info "$counts; made in ${data_seconds} s" "$BUSY_BEFORE" >"$machine"
  stop_app
  bench_pg_stop   # frees the cores and memory for the micro-benchmarks

  # ---- micro-benchmarks
  local micro=$BENCH/micro.md
  rm -f "$micro"
  local micro_cmd=(bench/micro.sh ${MICRO_ARGS[@]+"${MICRO_ARGS[@]}"})
  if [[ -n $MICRO ]]; then
    log "micro-benchmarks: ${micro_cmd[*]}"
    if "${micro_cmd[@]}" >"$micro.tmp"; then
      { echo "\`${micro_cmd[*]}\`: the document parser on the five seeds, deadline computation, roll-up arithmetic (BenchmarkDotNet, in-process)."; echo; grep -E '^(\||###|$)' "$micro.tmp"; } >"$micro"
    else
      echo "\`${micro_cmd[*]}\` failed: see artifacts/bench/micro.log." >"$micro"
    fi
    rm -f "$micro.tmp"
  fi

  # ---- report
  local out; out=$(result_path "$results" "$SCALE$([[ $source != fallback ]] || echo -fallback)")
  local commands=$BENCH/commands.txt
  {
    echo "bench/run.sh ${argv[*]}"
    [[ -n $made_now ]] || echo "# the data, made on $data_made by an earlier run (kept in artifacts/bench/pgdata):"
    echo "$data_commands"
    quoted "${APP_CMD[@]}"
    quoted "${LOAD_CMD[@]}"
    [[ -z $MICRO ]] || quoted "${micro_cmd[@]}"
  } >"$commands"
  dotnet "$LOAD" report --load "$load_json" --scale "$SCALE" --machine "$machine" --commands "$commands" --micro "$micro" \
    --peak-kb "${peak_kb:-}" --history "$results" --out-md "$out.md" --out-json "$out.json"
  [[ -n $QUICK ]] || cp "$out.md" "$results/latest.md"
  echo
  cat "$out.md"
  echo
  log "results: $out.md$([[ -n $QUICK ]] || echo " (and $results/latest.md)") in $(((SECONDS - total) / 60)) min"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  bench_main "$@"
fi
