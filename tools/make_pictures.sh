#!/bin/bash
# Draws the pictures of the docs (docs/img/) from the shipped scenarios:
#   tools/make_pictures.sh MCASTLAB [OUTDIR]     (OUTDIR: docs/img of this checkout)
# The ctest `docs_pictures` runs it into a scratch folder and checks that every picture it
# makes is byte for byte the one committed, so the pictures never go stale. Needs Graphviz's
# dot; without it, exit 77 (ctest: skipped).
set -euo pipefail
mcastlab=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$root/docs/img}
command -v dot >/dev/null || { echo "make_pictures: Graphviz's dot is not installed" >&2; exit 77; }
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$mcastlab" run "$root/topologies/igmp-querier-failover.json" --out "$work/failover" >/dev/null
"$mcastlab" graph "$work/failover" --at 100s -o "$out/querier-failover-before.svg" >/dev/null
"$mcastlab" graph "$work/failover" --at 500s -o "$out/querier-failover.svg" >/dev/null
"$mcastlab" graph "$work/failover" --at 500s -o "$out/querier-failover.png" >/dev/null
"$mcastlab" ladder "$work/failover" --from 411s --until 412s -o "$out/ladder-querier-failover.svg" >/dev/null
"$mcastlab" ladder "$work/failover" --from 411s --until 412s > "$out/ladder-querier-failover.txt"

"$mcastlab" run "$root/topologies/pim-shared-tree.json" --out "$work/pim" >/dev/null
"$mcastlab" graph "$work/pim" --group 239.1.1.1 -o "$out/pim-shared-tree.svg" >/dev/null
"$mcastlab" graph "$work/pim" --group 239.1.1.1 --at 40.5s -o "$out/pim-shared-tree-register.svg" >/dev/null
"$mcastlab" ladder "$work/pim" --from 40s --until 41.01s --filter pim,udp -o "$out/ladder-pim-register.svg" >/dev/null
"$mcastlab" ladder "$work/pim" --from 40s --until 41.01s --filter pim,udp > "$out/ladder-pim-register.txt"

"$mcastlab" run "$root/topologies/pim-prune-on-leave.json" --out "$work/prune" >/dev/null
"$mcastlab" graph "$work/prune" --group 239.1.1.1 -o "$out/pim-prune-on-leave.svg" >/dev/null

"$mcastlab" run "$root/topologies/pim-spt-switchover.json" --out "$work/spt" >/dev/null
"$mcastlab" graph "$work/spt" --group 239.1.1.1 --at 70s -o "$out/pim-spt-switchover.svg" >/dev/null
