#!/usr/bin/env bash
# Browser checks of the HTML preview (issue 5), run by .ci/run after the tests.
#
# For each letter: render it to PDF and to HTML; print the HTML to PDF with
# headless Chromium and compare pages, text lines and line positions with our
# PDF; screenshot the preview's page 1 and compare it with our PDF's page 1
# rasterised by pdftoppm at the same resolution. Then the live preview in
# the browser (.ci/preview_live.py).
#
# Usage: .ci/html-checks.sh [LETTER.yaml...]
# Needs: target/release/zhauap (or $ZHAUAP), chromium (or $CHROMIUM),
# poppler-utils (pdfinfo, pdftotext, pdftoppm), qpdf, python3.
# Exits non-zero, saying what differs, on the first letter that fails.
set -euo pipefail
cd "$(dirname "$0")/.."

zhauap=${ZHAUAP:-target/release/zhauap}
chromium=${CHROMIUM:-chromium}
# Device pixels per CSS pixel of the screenshot; pdftoppm then rasterises at
# 96 dpi times this (a CSS pixel is 1/96 in).
scale=${SCALE:-2}
dpi=$((96 * scale))

for tool in "$zhauap" "$chromium" pdfinfo pdftotext pdftoppm qpdf python3; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The letters named as arguments; by default the reference letter, the
# one-page letter with an emblem, and every other example letter there is
# (the Kazakh ones among them).
if [ $# -gt 0 ]; then
  letters=("$@")
else
  letters=(examples/dz-83-reply.yaml tests/letters/one-page-note.yaml)
  for letter in examples/*.yaml; do
    [[ " ${letters[*]} " == *" $letter "* ]] || letters+=("$letter")
  done
fi

headless() {
  # A fresh profile each time, and nothing that phones home.
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  if ! timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update --no-first-run \
    --hide-scrollbars --user-data-dir="$profile" "$@" >"$work/chromium.log" 2>&1; then
    cat "$work/chromium.log" >&2
    echo "FAIL: chromium $*" >&2
    exit 1
  fi
}

for letter in "${letters[@]}"; do
  name=$(basename "$letter" .yaml)
  out="$work/$name"
  echo "-- $letter"
  "$zhauap" -q render "$letter" -o "$out.pdf"
  "$zhauap" -q render "$letter" --format html -o "$out.html"
  echo "html: $(wc -c <"$out.html") bytes"

  # Self-contained: no URL but data: ones, and the policy that forbids the rest.
  if grep -Eo '(src|href)="[^"]*"|url\([^)]*\)' "$out.html" | grep -Ev '="data:|\(data:' ; then
    echo "FAIL: $letter: the preview refers to something outside itself (above)" >&2
    exit 1
  fi
  grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$out.html" ||
    { echo "FAIL: $letter: the preview has no Content-Security-Policy" >&2; exit 1; }

  headless --no-pdf-header-footer --print-to-pdf="$out.chromium.pdf" "file://$out.html"
  python3 .ci/html_compare.py lines "$out.pdf" "$out.chromium.pdf" --min-identical=0.98
  python3 .ci/html_compare.py positions "$out.pdf" "$out.chromium.pdf" --tolerance=0.1

  # Page 1 on screen: the window is one A4 width (794 CSS px) wide and tall
  # enough for the sheet and the desk's margin above it.
  headless --force-device-scale-factor="$scale" --window-size=794,1160 \
    --screenshot="$out.screen.png" "file://$out.html"
  pdftoppm -r "$dpi" -png -f 1 -l 1 -singlefile "$out.pdf" "$out.page1"
  python3 .ci/html_compare.py image "$out.screen.png" "$out.page1.png" --max-mismatch=0.0001
done

# The live preview in the browser: it follows a broken and a fixed letter
# by itself, and Ctrl-C stops the server while the browser listens.
echo "-- live preview"
python3 .ci/preview_live.py "$zhauap" "$chromium" examples/dz-83-reply.yaml
echo "html checks passed (${#letters[@]} letters, live preview)"
