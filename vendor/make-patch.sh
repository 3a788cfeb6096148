#!/usr/bin/env bash
# Rewrites vendor/krilla-zhauap.patch after vendor/krilla/src was edited.
# The pristine krilla 0.8.2 is recovered by reverse-applying the committed
# patch to the committed sources, so no download is needed; the script then
# checks that the new patch turns pristine krilla into vendor/krilla exactly.
set -euo pipefail
cd "$(dirname "$0")/.."
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
git archive HEAD vendor/krilla | tar -x -C "$W"
mv "$W/vendor/krilla" "$W/a"
git show HEAD:vendor/krilla-zhauap.patch | patch -R -s -p1 -d "$W/a"
mkdir "$W/b"
cp -r vendor/krilla/src "$W/b/"
# diff exits 1 when the trees differ, which they do.
(cd "$W" && diff -ruN a/src b/src || true) |
  sed -E 's/^((\+\+\+|---) [^\t]+)\t.*/\1/' >vendor/krilla-zhauap.patch
cp -r "$W/a" "$W/check"
patch -s -p1 -d "$W/check" <vendor/krilla-zhauap.patch
diff -r "$W/check/src" vendor/krilla/src
echo "vendor/krilla-zhauap.patch: $(grep -c '^+++ ' vendor/krilla-zhauap.patch) files, reproduces vendor/krilla/src"
