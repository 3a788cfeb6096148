#!/usr/bin/env bash
# Cross-checks of the Kazakh example with poppler, independent of the Rust
# tests' own PDF reader: the text as pdftotext copies it (it rejoins
# line-end hyphens), the fonts embedded, and the vector emblem.
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo run --release -q -- render examples/kk-reply.yaml -o "$out/kk.pdf" -q

# One line of text, no-break spaces as spaces.
text=$(pdftotext -enc UTF-8 "$out/kk.pdf" - | tr '\n\f' '  ' | sed 's/\xc2\xa0/ /g')
fail=0
for phrase in \
  "14.05.2020 ж." \
  "2020 жылғы 22 сәуірдегі" \
  "№ ДЗ-83 сауалға" \
  "Құрметті депутаттар!" \
  "Депутаттық сауалыңызда көтерілген коронавирус инфекциясына қарсы күреске тартылған мемлекеттік қызметтердің жұмысын ақпараттық қамту мәселесін қарап, мынаны хабарлаймын." \
  "1 250 000 ₸ бөлінді" \
  "480 000 ₸ аударды" \
  "Қосымша: 1. Бейнероликтер мен телебағдарламалардың тізбесі, 3 парақта, 1 данада;" \
  "Орынд.: Тұрғанбаев А.Е." \
  "Тел.: 745674"; do
  if ! grep -qF -- "$phrase" <<<"$text"; then
    echo "kazakh-checks: the copied text lacks «$phrase»" >&2
    fail=1
  fi
done
# The Russian template's labels never reach a Kazakh page.
for word in "Исп." "Приложение" "Уважаем" " года" "На №"; do
  if grep -qF -- "$word" <<<"$text"; then
    echo "kazakh-checks: a Russian label on the Kazakh page: «$word»" >&2
    fail=1
  fi
done
# ₸ needs the DejaVu Serif fallback; Liberation Serif sets the rest.
fonts=$(pdffonts "$out/kk.pdf")
for face in "+LiberationSerif " "+DejaVuSerif "; do
  if ! grep -qF -- "$face" <<<"$fonts"; then
    echo "kazakh-checks: no embedded font$face" >&2
    fail=1
  fi
done
# The SVG emblem is vector art: no raster image in the file.
if [ "$(pdfimages -list "$out/kk.pdf" | tail -n +3 | wc -l)" -ne 0 ]; then
  echo "kazakh-checks: the SVG emblem became a raster image" >&2
  fail=1
fi
exit "$fail"
