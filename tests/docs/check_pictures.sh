#!/bin/bash
# The ctest `docs_pictures`: tools/make_pictures.sh into a scratch folder must make exactly the
# pictures committed in docs/img/. Usage: check_pictures.sh MCASTLAB SOURCE_DIR SCRATCH
set -uo pipefail
mcastlab=$1 root=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
bash "$root/tools/make_pictures.sh" "$mcastlab" "$scratch"
rc=$?
[ $rc -eq 0 ] || exit $rc
status=0
for f in "$scratch"/*; do
  name=$(basename "$f")
  if ! cmp -s "$f" "$root/docs/img/$name"; then
    echo "docs/img/$name is stale or missing: run tools/make_pictures.sh build/tools/mcastlab" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "docs/img: $(ls "$scratch" | wc -l) pictures up to date"
exit $status
