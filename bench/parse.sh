#!/usr/bin/env bash
# Times DocumentParser.Parse on each seed document (tests/fixtures/seeds, or $DANVAN_SEEDS) with BenchmarkDotNet.
#
#   bench/parse.sh                         all five seeds: 5 warm-up and 20 measured iterations each (~2 minutes)
#   bench/parse.sh --job short             other arguments replace those counts and go to BenchmarkDotNet
#
# Builds bench/DanVan.Benchmarks in Release (it is not part of DanVan.slnx, so ./test.sh never builds it), runs it
# in-process, keeps BenchmarkDotNet's log and reports in artifacts/bench/ and prints the results table.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
out=artifacts/bench
mkdir -p "$out"
rm -f "$out"/results/*ParseBenchmarks-report-github.md

echo "==> dotnet build bench/DanVan.Benchmarks -c Release" >&2
dotnet build bench/DanVan.Benchmarks -c Release -nologo -v quiet >"$out/build.log" 2>&1 \
  || { cat "$out/build.log" >&2; exit 1; }

echo "==> running (log: $out/parse.log)" >&2
args=("$@")
[[ ${#args[@]} -gt 0 ]] || args=(--warmupCount 5 --iterationCount 20)
dotnet bench/DanVan.Benchmarks/bin/Release/net10.0/DanVan.Benchmarks.dll --inProcess --filter '*ParseBenchmarks*' "${args[@]}" \
  >"$out/parse.log" 2>&1 \
  || { tail -n 40 "$out/parse.log" >&2; exit 1; }

report=$(ls "$out"/results/*ParseBenchmarks-report-github.md 2>/dev/null | head -n 1)
[[ -n $report ]] || { tail -n 40 "$out/parse.log" >&2; echo "parse.sh: no report written" >&2; exit 1; }
cat "$report"
