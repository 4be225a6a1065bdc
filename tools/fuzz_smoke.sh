#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (every library instrumented, with ASan and UBSan) and
# runs each for a fixed number of inputs, with a fixed seed, from a copy of its seed corpus in
# tests/fuzz/corpus/, so the repository's corpus is left as it is. Exits non-zero on any crash,
# leak, timeout or sanitizer report; the input that caused it is kept in build-fuzz/artifacts/.
# Usage: tools/fuzz_smoke.sh   (FUZZ_RUNS=N changes the number of inputs per fuzzer)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash tools/setup.sh

build="$root/build-fuzz"
runs=${FUZZ_RUNS:-20000}
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMCASTLAB_LIBFUZZER=ON -DMCASTLAB_BENCHMARKS=OFF > /dev/null
cmake --build "$build" -j2 --target frame_fuzzer scenario_fuzzer pcap_fuzzer

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/artifacts"
for fuzzer in frame scenario pcap; do
  mkdir -p "$work/$fuzzer"
  cp "tests/fuzz/corpus/$fuzzer/"* "$work/$fuzzer/"
  echo "fuzz_smoke: ${fuzzer}_fuzzer, $runs runs"
  # libFuzzer exits non-zero on a finding; set -e then stops here.
  "$build/tests/fuzz/${fuzzer}_fuzzer" -runs="$runs" -seed=1 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/artifacts/${fuzzer}-" -print_final_stats=1 "$work/$fuzzer" \
    2> "$work/${fuzzer}.log" || { tail -n 60 "$work/${fuzzer}.log"; exit 1; }
  grep -E "^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|INFO: Loaded 1 modules)" "$work/${fuzzer}.log" || true
done
echo "fuzz_smoke: no crash"
