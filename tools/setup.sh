#!/usr/bin/env bash
# Installs the Debian packages mcastlab needs to build and test: only the missing ones,
# without a single prompt (tshark's "may non-root users capture?" question is preseeded).
# libcli11-dev is the command-line parser of tools/ (--help, typed options, subcommands).
# libjemalloc-dev is the allocator of the mcastlab command (large runs make millions of small
# allocations; docs/PERFORMANCE.md).
# libxml2-utils (xmllint) validates `mcastlab test --junit` reports against tests/junit/junit.xsd.
# clang and libclang-rt-14-dev (libFuzzer and the sanitizer runtimes) are for tools/fuzz_smoke.sh.
# chromium runs the report page of `mcastlab report` headless in the report_browser test (its
# script is checked in a real browser, and the test keeps a screenshot).
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libpcap-dev libboost-graph-dev nlohmann-json3-dev libcli11-dev libjemalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  tshark graphviz python3-jsonschema libxml2-utils chromium
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}"
echo "wireshark-common wireshark-common/install-setuid boolean false" | $sudo debconf-set-selections
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
