#!/usr/bin/env bash
# Speed work must not change what is printed. Compares two zhauap binaries
# byte for byte on the examples, the test letters and 60 generated letters,
# in PDF and HTML, and a batch of them against single renders.
#
#   benches/same-output.sh OLD_ZHAUAP NEW_ZHAUAP
# e.g. build main in a worktree, then compare its binary with this one's.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 OLD_ZHAUAP NEW_ZHAUAP" >&2; exit 2; }
OLD=$(realpath "$1")
NEW=$(realpath "$2")
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/in"
cp examples/*.yaml examples/*.svg tests/letters/*.yaml "$W/in/" 2>/dev/null || true
python3 benches/gen-letters.py examples/dz-83-reply.yaml "$W/in/gen" 60

fail=0
letters=$(cd "$W/in" && find . -name '*.yaml' | sort)
for f in $letters; do
  for fmt in pdf html; do
    if ! "$OLD" render "$W/in/$f" --format "$fmt" -o "$W/old.$fmt" -q 2>/dev/null; then
      continue # refused by both is checked by the tests, not here
    fi
    "$NEW" render "$W/in/$f" --format "$fmt" -o "$W/new.$fmt" -q
    cmp -s "$W/old.$fmt" "$W/new.$fmt" || { echo "DIFFERS: $f ($fmt)"; fail=1; }
  done
done
"$NEW" batch "$W/in" -o "$W/batch" -q || true
for f in $letters; do
  out="$W/batch/${f%.yaml}.pdf"
  [ -e "$out" ] || continue
  "$OLD" render "$W/in/$f" -o "$W/old.pdf" -q
  cmp -s "$out" "$W/old.pdf" || { echo "BATCH DIFFERS: $f"; fail=1; }
done
echo "$(echo "$letters" | wc -l) letters compared: $([ $fail = 0 ] && echo identical || echo DIFFERENT)"
exit $fail
