#!/usr/bin/env bash
# Sets up, builds and runs every test twice: a warnings-as-errors build, then an
# AddressSanitizer + UndefinedBehaviorSanitizer build; then a short libFuzzer run of the frame,
# scenario and pcap parsers. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh
jobs=$(nproc)

echo "== build: RelWithDebInfo, -Werror"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMCASTLAB_WERROR=ON
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== build: ASan + UBSan, -Werror"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMCASTLAB_WERROR=ON \
  -DMCASTLAB_SANITIZE=ON -DMCASTLAB_BENCHMARKS=OFF
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

echo "== fuzz: clang + libFuzzer, every parser instrumented, a short fixed run of each fuzzer"
bash tools/fuzz_smoke.sh
