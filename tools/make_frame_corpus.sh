#!/usr/bin/env bash
# Rewrites tests/fuzz/corpus/frame/ from the frames `mcastlab demo` builds (one of every message
# type the codecs speak): each whole frame, and its IPv4 or ARP payload alone, since the frame
# fuzzer also feeds its input to each message parser directly.
# Usage: tools/make_frame_corpus.sh [path/to/mcastlab]   (default: build/tools/mcastlab)
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${1:-build/tools/mcastlab}
out=tests/fuzz/corpus/frame
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$cli" demo --out "$tmp" > "$tmp/names.txt"
rm -rf "$out"
mkdir -p "$out"
python3 - "$tmp/all-messages.pcap" "$tmp/names.txt" "$out" <<'PY'
import struct, sys
pcap, names_file, out = sys.argv[1:]
names = [line.split()[1] for line in open(names_file) if not line.startswith("wrote")]
data = open(pcap, "rb").read()
pos, frames = 24, []  # the global header, then (16-byte record header, frame) pairs
while pos < len(data):
    incl = struct.unpack_from("<I", data, pos + 8)[0]
    frames.append(data[pos + 16 : pos + 16 + incl])
    pos += 16 + incl
assert len(frames) == len(names), (len(frames), len(names))
for name, frame in zip(names, frames):
    open(f"{out}/{name}.bin", "wb").write(frame)
    ethertype = struct.unpack_from(">H", frame, 12)[0]
    if ethertype == 0x0806:
        payload = frame[14:]
    elif ethertype == 0x0800:
        ihl = (frame[14] & 0x0F) * 4
        total = struct.unpack_from(">H", frame, 16)[0]
        payload = frame[14 + ihl : 14 + total]
    else:
        continue
    open(f"{out}/{name}-payload.bin", "wb").write(payload)
PY
echo "wrote $(ls "$out" | wc -l) files to $out"
