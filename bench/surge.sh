#!/usr/bin/env bash
# The deadline-day surge (issue 11): the users of a province sign in, open their home page and submit their
# six-monthly report within a few minutes. Pass condition: zero errors.
#
#   bench/surge.sh                500 users arriving over 10 minutes
#   bench/surge.sh --quick        50 users over 1 minute, shorter pauses; the report stays in artifacts/bench/results/
#   options: --users N  --minutes M  --think S (mean pause between a user's steps)  --timeout S (per request)
#            --seed N (arrival times, figures)  --regenerate (make the province data again)
#
# 1. The kept cluster and province data of bench/run.sh (whose functions this sources: PostgreSQL 15, Release
#    build, `generate-data --scale province` when the data is absent); the run writes to a copy of that database
#    (danvan_surge, made again each run and kept afterwards to look at), so every run starts from the same data.
# 2. One app instance (Release, Demo:Seed=false, follow-up job off, log level Warning) on a loopback port.
# 3. The driver (`bench/DanVan.Load surge`): as dieuphoi, the six-monthly period of Tây Ninh with enough reports
#    to submit, opened through POST /api/reports/periods if there is none; then one user per unit with a report
#    to submit (generated accounts u<unit code>-N, the demo password), each at a random time in the window:
#    login form, sign-in (once; the cookie is kept), home page, the unit's report, submit, the page after it.
# 4. Report: bench/results/<date>-surge.md (+ .json): requests, errors by kind, median/p95/p99 per step, peak
#    app memory, the commands. Exit status 3 when there was an error.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=run.sh
source bench/run.sh

surge_main() {
  SCALE=province SEED=1 REGENERATE= QUICK= USERS=500 MINUTES=10 THINK=5 TIMEOUT=30
  local argv=("$@")
  while [[ $# -gt 0 ]]; do
    case $1 in
      --quick) QUICK=1 USERS=50 MINUTES=1 THINK=1 ;;
      --users) USERS=$2; shift ;;
      --minutes) MINUTES=$2; shift ;;
      --think) THINK=$2; shift ;;
      --timeout) TIMEOUT=$2; shift ;;
      --seed) SEED=$2; shift ;;
      *) bench_option "${BASH_SOURCE[0]}" "$1" ;;
    esac
    shift
  done

  bench_prepare bench_cleanup
  bench_copy danvan_surge
  APP_LOG=$BENCH/surge-app.log
  start_app
  log "app pid $APP_PID on 127.0.0.1:$APP_PORT (log: $BENCH/surge-app.log)"

  local out; out=$(result_path "$RESULTS" surge)
  local machine=$BENCH/surge-machine.txt commands=$BENCH/surge-commands.txt
  machine_info "$DATA_LINE" "$BUSY" >"$machine"
  LOAD_CMD=(dotnet "$LOAD" surge --base-url "http://127.0.0.1:$APP_PORT" --pg "$CS" --users "$USERS" --minutes "$MINUTES" --think "$THINK"
            --timeout "$TIMEOUT" --seed "$SEED" --app-pid "$APP_PID" --data "$DATA_LABEL" --machine "$machine" --commands "$commands"
            --out-md "$out.md" --out-json "$out.json")
  {
    echo "bench/surge.sh ${argv[*]}"
    echo "$DATA_COMMANDS"
    quoted "${APP_CMD[@]}"
    quoted "${LOAD_CMD[@]}"
  } >"$commands"
  local rc=0
  "${LOAD_CMD[@]}" || rc=$?
  stop_app
  show_result "$out" "$rc"
  return "$rc"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  surge_main "$@"
fi
