#!/bin/bash
# The differential check against the real Linux stack (docs/realnet.md). Needs root.
#   tools/realnet/realnet.sh topologies/igmp-leave.json [--cap 30] [--tolerance 20] [--out out/realnet]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for tool in ip dumpcap python3; do
  command -v "$tool" >/dev/null || { echo "realnet: $tool is missing (Debian: iproute2, wireshark-common/dumpcap, python3)" >&2; exit 2; }
done
exec python3 "$here/realnet.py" "$@"
