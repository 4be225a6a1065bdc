#!/bin/bash
# ctest entry of the differential check: skipped (77) unless MCASTLAB_REALNET=1, as it needs
# root and namespaces and plays in wall-clock time. Then it runs one socket scenario and fails
# on any frame that is only on one side or at a differing instant, IGMP reports aside: their
# repeats come at random instants on both sides, so one may fall inside the run on one side only.
#   ctest_realnet.sh MCASTLAB_BINARY SOURCE_DIR
set -euo pipefail
if [[ "${MCASTLAB_REALNET:-}" != 1 ]]; then
  echo "realnet: skipped (set MCASTLAB_REALNET=1, as root, to run it)"
  exit 77
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
table="$("$2/tools/realnet/realnet.sh" "$2/topologies/bind-group-vs-any.json" --mcastlab "$1" --out "$out")"
echo "$table"
if grep -E '\| (only linux|only mcastlab|time differs) \|' <<<"$table" | grep -vE 'igmp-v[12]-report'; then
  echo "realnet: differences above" >&2
  exit 1
fi
