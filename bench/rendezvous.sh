#!/usr/bin/env bash
# The rendezvous benchmarks, measured and printed in one session:
#
#   (a) RendezvousOverhead: whole rendezvous on every CPU this process may use, threads really pinned, loads of
#       0 µs, per spinning mode, taking turns with a baseline of bare pinned threads handing over in two steps:
#       median, p90, p99 and max of the stopped window, of its handovers and of the call-in. Then
#       RendezvousBenchmark (JMH): the average time of one whole Rendezvous.run, thread start to report.
#   (b) RendezvousModelTable: the modelled stopped window for 1 to 512 logical CPUs (SMT2), serial, control-first
#       and all-parallel, against serial, fed with the sync cost per step measured in (a).
#
# Environment: RUNS (measured rendezvous per mode, default 2000), WARMUP (unmeasured ones first, default 500),
# MODEL_ARGS (e.g. "latency-us=1000 jitter-us=20 seed=1"; sync-us= overrides the measured cost), JMH_ARGS (extra
# JMH options), SKIP_JMH=1 (skip JMH).
# Other work on the host lengthens the tails: the load average is printed with the numbers.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$here"
mvn -B -ntp -q -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar

echo "host: $(nproc) processors, $(uptime | sed 's/.*load/load/')"
echo
echo "== (a) rendezvous overhead on this host"
java -cp "$jar" io.github.ucode4j.bench.RendezvousOverhead "${RUNS:-2000}" "${WARMUP:-500}" | tee "$work/overhead.txt"
sync_us=$(sed -n 's/^sync per step: \([0-9.]*\) µs.*/\1/p' "$work/overhead.txt")

if [ "${SKIP_JMH:-0}" != 1 ]; then
  echo
  echo "== (a) JMH: one whole Rendezvous.run"
  # shellcheck disable=SC2086
  java -jar "$jar" RendezvousBenchmark ${JMH_ARGS:-} > "$work/jmh.txt"
  sed -n '/^Benchmark /,$p' "$work/jmh.txt"
fi

echo
echo "== (b) model, sync per step as measured in (a)"
# shellcheck disable=SC2086
java -cp "$jar" io.github.ucode4j.bench.RendezvousModelTable "sync-us=$sync_us" ${MODEL_ARGS:-}
