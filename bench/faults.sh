#!/usr/bin/env bash
# Faults under write load (issue 11): two app instances on one PostgreSQL database, a writer whose every write
# carries a unique marker; kill -9 of one instance, then a PostgreSQL restart; afterwards every acknowledged write
# must be in the database exactly once. Also measured: the answers during each fault and the recovery time.
#
#   bench/faults.sh               10 s per phase, 40 writes/s
#   bench/faults.sh --quick       5 s per phase; the report stays in artifacts/bench/results/
#   options: --phase S (time between faults)  --rate R (writes/s)  --clients N  --timeout S (per write)
#            --regenerate (make the province data again)
#
# Timeline (the script does each step, the writer records every write's answer and time):
#   writes on A and B, alternately ─ PHASE s ─ kill -9 A ─ PHASE s (B alone) ─ A started again on its port, until
#   /healthz answers ─ PHASE s ─ pg_ctl restart -m fast ─ 2×PHASE s ─ stop; markers counted with SQL.
# 1. The kept cluster and province data of bench/run.sh (its functions); the run writes to a copy of that database
#    (danvan_faults, made again each run and kept afterwards). Durable commits (fsync, synchronous_commit on).
# 2. Two instances of DanVan.dll (Release) on two loopback ports, same database; logs artifacts/bench/faults-*.log.
# 3. The writer: `bench/DanVan.Load faults` (POST /api/tasks/{id}/progress as canbo, no retries); the events go
#    through artifacts/bench/faults-events.tsv.
# 4. Report: bench/results/<date>-faults.md (+ .json). Exit status 4 when an acknowledged write is missing or found
#    twice.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=run.sh
source bench/run.sh

A_PID= B_PID= WRITER_PID=

faults_cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  for pid in "$WRITER_PID" "$A_PID" "$B_PID"; do
    [[ -n $pid ]] || continue
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  bench_pg_stop
  exit "$rc"
}

event() { printf '%s\t%s\t%s\n' "$(date +%s%3N)" "$1" "$2" >>"$EVENTS"; log "$1: $2"; }

faults_main() {
  SCALE=province SEED=1 REGENERATE= QUICK= PHASE=10 RATE=40 CLIENTS=8 TIMEOUT=10
  local argv=("$@")
  while [[ $# -gt 0 ]]; do
    case $1 in
      --quick) QUICK=1 PHASE=5 ;;
      --phase) PHASE=$2; shift ;;
      --rate) RATE=$2; shift ;;
      --clients) CLIENTS=$2; shift ;;
      --timeout) TIMEOUT=$2; shift ;;
      *) bench_option "${BASH_SOURCE[0]}" "$1" ;;
    esac
    shift
  done
  EVENTS=$BENCH/faults-events.tsv

  bench_prepare faults_cleanup
  bench_copy danvan_faults
  local a_port b_port a_cmd b_cmd
  # start_app keeps one instance in APP_PID/APP_PORT: each is moved to A_/B_ variables (and faults_cleanup) at once.
  APP_PORT= APP_LOG=$BENCH/faults-a.log
  start_app
  A_PID=$APP_PID a_port=$APP_PORT a_cmd=$(quoted "${APP_CMD[@]}") APP_PID= APP_PORT= APP_LOG=$BENCH/faults-b.log
  start_app
  B_PID=$APP_PID b_port=$APP_PORT b_cmd=$(quoted "${APP_CMD[@]}") APP_PID=
  log "instance A: pid $A_PID on 127.0.0.1:$a_port; instance B: pid $B_PID on 127.0.0.1:$b_port"

  local out; out=$(result_path "$RESULTS" faults)
  local machine=$BENCH/faults-machine.txt commands=$BENCH/faults-commands.txt
  machine_info "$DATA_LINE" "$BUSY" >"$machine"
  local pg_restart=("$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/postgres.log" -o "-p $BPGPORT" -m fast -w -t 120 restart)
  LOAD_CMD=(dotnet "$LOAD" faults --instances "http://127.0.0.1:$a_port,http://127.0.0.1:$b_port" --pg "$CS" --events "$EVENTS"
            --rate "$RATE" --clients "$CLIENTS" --timeout "$TIMEOUT" --data "$DATA_LABEL" --machine "$machine" --commands "$commands"
            --out-md "$out.md" --out-json "$out.json")
  {
    echo "bench/faults.sh ${argv[*]}"
    echo "$DATA_COMMANDS"
    echo "$a_cmd &   # instance A"
    echo "$b_cmd &   # instance B"
    echo "$(quoted "${LOAD_CMD[@]}") &"
    echo "# after $PHASE s: kill -9 <A>; after $PHASE s: instance A again (same command); after $PHASE s:"
    quoted "${pg_restart[@]}"
    echo "# after $((2 * PHASE)) s: the stop line in $EVENTS"
  } >"$commands"

  : >"$EVENTS"
  rm -f "$BENCH/faults-writer.log"
  "${LOAD_CMD[@]}" > >(tee "$BENCH/faults-writer.log" >&2) 2>&1 &
  WRITER_PID=$!
  local i
  for ((i = 0; i < 120; i++)); do
    grep -q '^==> writing' "$BENCH/faults-writer.log" 2>/dev/null && break
    kill -0 "$WRITER_PID" 2>/dev/null || die "the writer stopped before writing (see $BENCH/faults-writer.log)"
    sleep 0.5
  done

  sleep "$PHASE"
  event fault "kill -9 of instance A"
  kill -9 "$A_PID"
  wait "$A_PID" 2>/dev/null || true
  A_PID=

  sleep "$PHASE"
  event mark "instance A started again (same command and port)"
  APP_PORT=$a_port APP_LOG=$BENCH/faults-a2.log
  start_app
  A_PID=$APP_PID APP_PID=
  event mark "instance A answers /healthz"

  sleep "$PHASE"
  event fault "PostgreSQL restart (pg_ctl restart -m fast)"
  as_pg_bench "${pg_restart[@]}" >/dev/null
  event mark "pg_ctl restart returned (PostgreSQL accepts connections)"

  sleep $((2 * PHASE))
  event stop "end of the run"
  local rc=0
  wait "$WRITER_PID" || rc=$?
  WRITER_PID=
  show_result "$out" "$rc"
  return "$rc"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  faults_main "$@"
fi
