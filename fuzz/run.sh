#!/usr/bin/env bash
# Runs every fuzz target with AFL++ (through cargo-afl) for MINUTES minutes each, one after the
# other, then prints a summary per target from AFL++'s fuzzer_stats and exits non-zero if any
# target found a crash or a hang.
#
# Usage: fuzz/run.sh MINUTES [TARGET...]
#   Runs the named targets (default: analysis edits). Output lands in fuzz/out/<target>/default;
#   an earlier run's output is kept as fuzz/out/<target>.previous so its findings are not lost.
# Environment: FUZZ_TIMEOUT_MS (default 1000) is the time after which an input counts as a hang.
set -euo pipefail
cd "$(dirname "$0")"

if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ || "$1" -eq 0 ]]; then
  echo "usage: $0 MINUTES [TARGET...]" >&2
  exit 2
fi
minutes=$1
shift
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(analysis edits incremental_analysis)
fi

if ! cargo afl --version >/dev/null 2>&1; then
  echo "cargo-afl is missing: cargo install --locked cargo-afl" >&2
  exit 2
fi

# These machines throttle neither CPU frequency nor core dumps in ways that matter here, and
# several jobs share two cores: without these AFL++ refuses to start or pins itself to a core
# that a build is already using.
export AFL_SKIP_CPUFREQ="${AFL_SKIP_CPUFREQ:-1}"
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES="${AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES:-1}"
export AFL_NO_UI="${AFL_NO_UI:-1}"
export AFL_NO_AFFINITY="${AFL_NO_AFFINITY:-1}"
timeout_ms="${FUZZ_TIMEOUT_MS:-1000}"

cargo afl build --release --locked

mkdir -p out
for target in "${targets[@]}"; do
  if [[ ! -d "seeds/$target" ]]; then
    echo "no seeds for target $target in fuzz/seeds/$target" >&2
    exit 2
  fi
  if [[ -d "out/$target" ]]; then
    rm -rf "out/$target.previous"
    mv "out/$target" "out/$target.previous"
  fi
  echo "== fuzzing $target for $minutes minute(s)"
  # -V stops the fuzzer after the given number of seconds; its log goes to a file because
  # AFL_NO_UI still prints a status line every few seconds.
  cargo afl fuzz -V "$((minutes * 60))" -t "$timeout_ms" -i "seeds/$target" -o "out/$target" \
    "target/release/$target" >"out/$target.log" 2>&1 || {
    echo "afl-fuzz failed for $target; the end of out/$target.log:" >&2
    tail -n 30 "out/$target.log" >&2
    exit 2
  }
done

# Reads one field of a fuzzer_stats file, whose lines look like "execs_done        : 12345".
stat() {
  awk -F' *: *' -v key="$2" '$1 == key { print $2 }' "$1"
}

status=0
echo
printf '%-10s %8s %12s %10s %8s %8s %6s\n' target seconds execs execs/sec corpus crashes hangs
for target in "${targets[@]}"; do
  stats="out/$target/default/fuzzer_stats"
  if [[ ! -f "$stats" ]]; then
    echo "$target: no $stats" >&2
    status=1
    continue
  fi
  seconds=$(stat "$stats" run_time)
  execs=$(stat "$stats" execs_done)
  corpus=$(stat "$stats" corpus_count)
  crashes=$(stat "$stats" saved_crashes)
  hangs=$(stat "$stats" saved_hangs)
  # fuzzer_stats' own execs_per_sec can lag the last interval, so the average is recomputed.
  rate=$(awk -v e="$execs" -v s="$seconds" 'BEGIN { printf "%.1f", (s > 0 ? e / s : 0) }')
  printf '%-10s %8s %12s %10s %8s %8s %6s\n' "$target" "$seconds" "$execs" "$rate" "$corpus" \
    "$crashes" "$hangs"
  if [[ "$crashes" != 0 || "$hangs" != 0 ]]; then
    echo "  $target: inputs in out/$target/default/crashes and out/$target/default/hangs" >&2
    status=1
  fi
done
exit "$status"
