#!/usr/bin/env bash
# Sets up, builds mcastlab and runs the main job: today the message demo, which writes
# out/demo/all-messages.pcap (open it in Wireshark).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target mcastlab
./build/tools/mcastlab demo --out out/demo
