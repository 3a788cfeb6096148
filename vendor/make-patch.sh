#!/usr/bin/env bash
# Rewrites vendor/CRATE-zhauap.patch (krilla, krilla-svg, pdf-writer, subsetter) after
# vendor/CRATE/src or vendor/CRATE/Cargo.toml was edited. The pristine published crate is recovered by
# reverse-applying the committed patch to the committed sources, so no
# download is needed; the script then checks that the new patch turns the
# pristine crate into vendor/CRATE exactly.
#
#   bash vendor/make-patch.sh [CRATE…]   (default: every vendored crate)
set -euo pipefail
cd "$(dirname "$0")/.."
crates=("$@")
[ ${#crates[@]} -gt 0 ] || crates=(krilla krilla-svg pdf-writer subsetter)
for crate in "${crates[@]}"; do
  if ! git cat-file -e "HEAD:vendor/$crate-zhauap.patch" 2>/dev/null; then
    echo "vendor/$crate-zhauap.patch is not committed yet: make the first one with diff -ruN against the published crate" >&2
    exit 1
  fi
  W=$(mktemp -d)
  git archive HEAD "vendor/$crate" | tar -x -C "$W"
  mv "$W/vendor/$crate" "$W/a"
  git show "HEAD:vendor/$crate-zhauap.patch" | patch -R -s -p1 -d "$W/a"
  mkdir "$W/b"
  cp -r "vendor/$crate/src" "vendor/$crate/Cargo.toml" "$W/b/"
  # diff exits 1 when the trees differ, which they do; -N takes in new files.
  # Cargo.toml too: krilla-svg's features are in it.
  (cd "$W" && { diff -uN a/Cargo.toml b/Cargo.toml; diff -ruN a/src b/src; } || true) |
    sed -E 's/^((\+\+\+|---) [^\t]+)\t.*/\1/' >"vendor/$crate-zhauap.patch"
  cp -r "$W/a" "$W/check"
  patch -s -p1 -d "$W/check" <"vendor/$crate-zhauap.patch"
  diff -r "$W/check/src" "vendor/$crate/src"
  diff "$W/check/Cargo.toml" "vendor/$crate/Cargo.toml"
  echo "vendor/$crate-zhauap.patch: $(grep -c '^+++ ' "vendor/$crate-zhauap.patch") files, reproduces vendor/$crate/src"
  rm -rf "$W"
done
