#!/usr/bin/env bash
# Sets up, builds mcastlab and runs the main job: the shipped scenario ttl-one (outputs in
# out/ttl-one/), then the message demo (out/demo/all-messages.pcap).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target mcastlab
./build/tools/mcastlab run topologies/ttl-one.json --out out/ttl-one
./build/tools/mcastlab demo --out out/demo
