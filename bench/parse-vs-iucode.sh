#!/usr/bin/env bash
# Parse-and-check throughput of ucode4j's Intel driver against iucode_tool on the same files, in one session.
#
#   bench/parse-vs-iucode.sh        builds the benchmark jar, runs IntelParseBenchmark (JMH, in-process, from
#                                   memory), times `iucode_tool -l` over the same files in the same order
#                                   (hyperfine when installed, else a timed loop), prints MB/s for both and the ratio.
#
# Environment: UCODE4J_CORPUS (default .cache/debian/root, as lab/fetch-debian.sh unpacks it), RUNS (iucode_tool
# runs, default 30), JMH_ARGS (extra JMH options, e.g. "-wi 2 -i 3" for a quick look).
# iucode_tool's time includes its process start and file reads; ours is parsing from memory in a warm JVM.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
corpus=${UCODE4J_CORPUS:-$here/.cache/debian/root}
firmware=$corpus/lib/firmware/intel-ucode
tool=$corpus/usr/sbin/iucode_tool
runs=${RUNS:-30}

if [ ! -d "$firmware" ] || [ ! -x "$tool" ]; then
  echo "corpus not found under $corpus: run lab/fetch-debian.sh first" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$here"
mvn -B -ntp -q -pl bench -am package -DskipTests

mapfile -t files < <(cd "$firmware" && find . -maxdepth 1 -type f -printf '%f\n' | LC_ALL=C sort)
bytes=$(cd "$firmware" && cat "${files[@]}" | wc -c)
echo "corpus: ${#files[@]} files, $bytes bytes"

# shellcheck disable=SC2086
UCODE4J_CORPUS=$corpus java -jar bench/target/benchmarks.jar IntelParseBenchmark ${JMH_ARGS:-} \
  -rf csv -rff "$work/jmh.csv"
ours_ms=$(awk -F, 'NR == 2 { gsub(/"/, "", $5); print $5 }' "$work/jmh.csv")

if command -v hyperfine > /dev/null; then
  # -N: no intermediate shell; file names hold no blanks, so the command splits on spaces as intended.
  (cd "$firmware" && hyperfine -N -n "iucode_tool -l (${#files[@]} files)" --warmup 3 --runs "$runs" --output null --export-csv "$work/hyperfine.csv" \
    "$tool -l ${files[*]}")
  tool_ms=$(awk -F, 'NR == 2 { print $2 * 1000 }' "$work/hyperfine.csv")
else
  (cd "$firmware" && "$tool" -l "${files[@]}" > /dev/null)  # warm the page cache
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do
    (cd "$firmware" && "$tool" -l "${files[@]}" > /dev/null)
  done
  tool_ms=$(awk -v ns=$(( $(date +%s%N) - start )) -v n="$runs" 'BEGIN { print ns / n / 1e6 }')
fi

awk -v bytes="$bytes" -v ours="$ours_ms" -v tool="$tool_ms" 'BEGIN {
  ours_rate = bytes / 1e6 / (ours / 1e3); tool_rate = bytes / 1e6 / (tool / 1e3)
  printf "ucode4j IntelParseBenchmark: %8.3f ms per corpus, %8.1f MB/s\n", ours, ours_rate
  printf "iucode_tool -l:              %8.3f ms per corpus, %8.1f MB/s\n", tool, tool_rate
  printf "ratio (ucode4j / iucode_tool): %.1fx\n", ours_rate / tool_rate
}'
