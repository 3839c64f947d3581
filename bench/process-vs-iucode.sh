#!/usr/bin/env bash
# Whole-process speed of the ucode command against iucode_tool and the JVM's own start, in one run.
#
#   bench/process-vs-iucode.sh   builds the command and the benchmarks, then times whole processes side by side:
#                                each pair runs back to back, ours and theirs alternately first, RUNS pairs (at least
#                                10); each figure is the median of wall time, beside the median user CPU, and the ratio
#                                is the ratio of the medians. It prints last the five figures of the speed goals, each
#                                with its goal and "ok" or "MISSED".
#
# What is compared (Debian's Intel corpus, lib/firmware/intel-ucode, read in the folder's order as iucode_tool reads it):
#   ucode list --format=iucode          against iucode_tool -l                 (the same lines, checked)
#   ucode write-early-cpio              against iucode_tool --write-earlyfw    (the same bytes, checked)
#   ucode --version, ucode status       against java -version on the same JVM
#   the peak RSS of ucode list; the in-process parse of the Intel and the AMD corpus (JMH, from memory)
# ucode runs through its launcher, bin/ucode, with a warm class-data-sharing archive, as a user's second run does.
#
# Environment: UCODE4J_CORPUS (default .cache/debian/root, as lab/fetch-debian.sh unpacks it), UCODE_JAR (the
# command's jar, default examples/cli/target/ucode.jar), RUNS (pairs, default 15), SKIP_BUILD=1 (use the jars already
# built), SKIP_JMH=1 (no in-process figure), JMH_ARGS (extra JMH options), JAVA_HOME (the JVM of both ucode and
# java -version).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
corpus=${UCODE4J_CORPUS:-$here/.cache/debian/root}
firmware=$corpus/lib/firmware/intel-ucode
tool=$corpus/usr/sbin/iucode_tool
runs=${RUNS:-15}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
ucode=$here/examples/cli/bin/ucode

if [ ! -d "$firmware" ] || [ ! -x "$tool" ]; then
  echo "corpus not found under $corpus: run lab/fetch-debian.sh first" >&2
  exit 1
fi
if [ ! -x /usr/bin/time ]; then
  echo "/usr/bin/time not found: install the time package" >&2
  exit 1
fi
if (( runs < 10 )); then
  echo "RUNS must be at least 10 (the medians need them)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export UCODE_CDS_DIR=$work/cds UCODE_JAR=${UCODE_JAR:-$here/examples/cli/target/ucode.jar}

cd "$here"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -ntp -q -pl examples/cli,bench -am package -DskipTests
fi

# One timed run: appends "wall user rss_kb" to $1, the command's output to $2.
timed() {
  local times=$1 out=$2
  shift 2
  /usr/bin/time -a -o "$times" -f '%e %U %M' "$@" > "$out" 2> /dev/null || {
    echo "failed: $*" >&2
    exit 1
  }
}

# The median of column $2 of file $1.
median() {
  sort -g -k "$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# pair NAME OURS_COMMAND -- THEIRS_COMMAND: RUNS alternated pairs, after one warm-up of each.
pair() {
  local name=$1 i
  shift
  local -a ours=() theirs=()
  while [ "$1" != -- ]; do ours+=("$1"); shift; done
  shift
  theirs=("$@")
  timed "$work/warm" "$work/$name.ours.out" "${ours[@]}"
  timed "$work/warm" "$work/$name.theirs.out" "${theirs[@]}"
  for ((i = 0; i < runs; i++)); do
    if (( i % 2 )); then
      timed "$work/$name.theirs" "$work/$name.theirs.out" "${theirs[@]}"
      timed "$work/$name.ours" "$work/$name.ours.out" "${ours[@]}"
    else
      timed "$work/$name.ours" "$work/$name.ours.out" "${ours[@]}"
      timed "$work/$name.theirs" "$work/$name.theirs.out" "${theirs[@]}"
    fi
  done
}

cd "$firmware"
echo "corpus: $(find . -maxdepth 1 -type f | wc -l) files, $(cat ./* | wc -c) bytes; $runs pairs each"
pair list "$ucode" list --format=iucode --folder-order=directory . -- "$tool" -l .
cmp -s "$work/list.ours.out" "$work/list.theirs.out" || { echo "ucode list and iucode_tool -l differ" >&2; exit 1; }
pair cpio "$ucode" write-early-cpio --folder-order=directory --overwrite -o "$work/ours.cpio" . \
  -- "$tool" -q --overwrite --write-earlyfw="$work/theirs.cpio" .
cmp -s "$work/ours.cpio" "$work/theirs.cpio" || { echo "the early cpio files differ" >&2; exit 1; }
pair version "$ucode" --version -- "$java" -version
pair status "$ucode" status -- "$java" -version
cd "$here"

if [ "${SKIP_JMH:-0}" != 1 ]; then
  # shellcheck disable=SC2086
  UCODE4J_CORPUS=$corpus "$java" -jar bench/target/benchmarks.jar 'IntelParseBenchmark|AmdParseBenchmark.parseAndCheckFiles' ${JMH_ARGS:-} \
    -tu ms -rf csv -rff "$work/jmh.csv" > "$work/jmh.log"
fi

for name in list.ours list.theirs cpio.ours cpio.theirs version.ours version.theirs status.ours status.theirs; do
  printf '%s %s %s\n' "$(median "$work/$name" 1)" "$(median "$work/$name" 2)" \
    "$(sort -g -k 3 "$work/$name" | tail -1 | cut -d' ' -f3)" > "$work/$name.median"
done
if [ -f "$work/jmh.csv" ]; then
  awk -F, 'NR > 1 { gsub(/"/, ""); name = ($1 ~ /Intel/) ? "intel" : "amd"; print "jmh," name "," $5 }' "$work/jmh.csv" \
    > "$work/jmh.median"
fi

# Each .median file: median wall, median user CPU, peak RSS in KB.
awk -v runs="$runs" '
  function ratio(name, goal, label, theirs_label,   o, t, r) {
    o = wall[name ".ours"]; t = wall[name ".theirs"]; r = o / t
    printf "%-28s %6.3f s (user %5.3f s)  %-27s %6.3f s (user %5.3f s)  ratio %5.2fx  goal <= %gx  %s\n",
      label, o, user[name ".ours"], theirs_label, t, user[name ".theirs"], r, goal, (r <= goal) ? "ok" : "MISSED"
  }
  FNR == 1 { file = FILENAME; sub(/.*\//, "", file); sub(/\.median$/, "", file) }
  /^[0-9]/ { wall[file] = $1; user[file] = $2; rss[file] = $3 }
  /^jmh,/ { split($0, f, ","); jmh[f[2]] = f[3] }
  END {
    print ""
    print "medians of " runs " alternated pairs, wall time (user CPU):"
    ratio("list", 4, "ucode list --format=iucode", "iucode_tool -l")
    ratio("cpio", 4, "ucode write-early-cpio", "iucode_tool --write-earlyfw")
    ratio("version", 2, "ucode --version", "java -version")
    ratio("status", 2, "ucode status", "java -version")
    peak = rss["list.ours"] / 1024
    printf "%-28s %6.1f MB (iucode_tool -l: %.1f MB)  goal <= 100 MB  %s\n", "peak RSS of ucode list", peak,
      rss["list.theirs"] / 1024, (peak <= 100) ? "ok" : "MISSED"
    if ("intel" in jmh) {
      printf "%-28s %6.3f ms  goal <= 2.0 ms  %s\n", "in-process Intel parse (JMH)", jmh["intel"],
        (jmh["intel"] <= 2.0) ? "ok" : "MISSED"
      printf "%-28s %6.3f ms\n", "in-process AMD parse (JMH)", jmh["amd"]
    }
  }' "$work"/*.median
