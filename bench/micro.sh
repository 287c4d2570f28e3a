#!/usr/bin/env bash
# Every micro-benchmark of bench/DanVan.Benchmarks (BenchmarkDotNet, in-process, Release): the document parser on
# the seed documents, deadline computation on the working-day calendar, roll-up arithmetic.
#
#   bench/micro.sh                         5 warm-up and 20 measured iterations per case (~4 minutes)
#   bench/micro.sh --job short             other arguments replace those counts and go to BenchmarkDotNet
#
# Prints one table per benchmark class; logs and reports stay in artifacts/bench/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
out=artifacts/bench
mkdir -p "$out"
rm -f "$out"/results/*-report-github.md

echo "==> dotnet build bench/DanVan.Benchmarks -c Release" >&2
dotnet build bench/DanVan.Benchmarks -c Release -nologo -v quiet >"$out/build.log" 2>&1 \
  || { cat "$out/build.log" >&2; exit 1; }

echo "==> running (log: $out/micro.log)" >&2
args=("$@")
[[ ${#args[@]} -gt 0 ]] || args=(--warmupCount 5 --iterationCount 20)
dotnet bench/DanVan.Benchmarks/bin/Release/net10.0/DanVan.Benchmarks.dll --inProcess --filter '*' "${args[@]}" \
  >"$out/micro.log" 2>&1 \
  || { tail -n 40 "$out/micro.log" >&2; exit 1; }

found=
for report in "$out"/results/*-report-github.md; do
  [[ -f $report ]] || continue
  found=1
  name=$(basename "$report" -report-github.md)
  echo "### ${name##*.}"
  echo
  grep '^|' "$report"
  echo
done
[[ -n $found ]] || { tail -n 40 "$out/micro.log" >&2; echo "micro.sh: no report written" >&2; exit 1; }
