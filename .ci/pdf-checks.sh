#!/usr/bin/env bash
# Cross-checks the rendered reference letter with outside tools (issue 2):
#   - pdffonts: every font embedded, subset and Unicode-mapped;
#   - qpdf --check: no errors and no warnings;
#   - pdftotext: every paragraph of the letter (the opening the template
#     builds from inquiry.subject, each body item, the closing) is in the
#     text, verbatim and in order, once line-end hyphens are re-joined;
#   - rendering twice gives identical files.
# Needs poppler-utils, qpdf and python3; .ci/run calls it after building
# target/release/zhauap. Exits non-zero with a message naming the failure.
set -euo pipefail
cd "$(dirname "$0")/.."

letter=examples/dz-83-reply.yaml
bin="${CARGO_TARGET_DIR:-target}/release/zhauap"
if [ ! -x "$bin" ]; then
  cargo build --release -q
fi
for tool in pdffonts pdftotext qpdf python3; do
  command -v "$tool" >/dev/null || { echo "pdf-checks: $tool is not installed" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "pdf-checks: FAILED: $*" >&2; exit 1; }

"$bin" -q render "$letter" -o "$work/first.pdf" || fail "zhauap refused $letter"
"$bin" -q render "$letter" -o "$work/second.pdf" || fail "zhauap refused $letter the second time"
cmp -s "$work/first.pdf" "$work/second.pdf" \
  || fail "rendering $letter twice gave different files"
echo "pdf-checks: rendering twice gives identical files"

# pdffonts: two header lines, then one font a line; the columns before the
# object number (the last two fields) are emb, sub and uni.
pdffonts "$work/first.pdf" >"$work/fonts.txt" || fail "pdffonts could not read the PDF"
fonts=$(tail -n +3 "$work/fonts.txt" | wc -l)
[ "$fonts" -gt 0 ] || fail "pdffonts lists no fonts"
bad=$(tail -n +3 "$work/fonts.txt" | awk '$(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes"')
if [ -n "$bad" ]; then
  cat "$work/fonts.txt" >&2
  fail "fonts not embedded, not subset or not Unicode-mapped:
$bad"
fi
echo "pdf-checks: pdffonts: $fonts fonts, all embedded, subset and Unicode-mapped"

# qpdf exits 0 when clean, 3 on warnings, 2 on errors.
if ! qpdf --check "$work/first.pdf" >"$work/qpdf.txt" 2>&1; then
  cat "$work/qpdf.txt" >&2
  fail "qpdf --check is not clean"
fi
grep -q "No syntax or stream encoding errors found" "$work/qpdf.txt" \
  || { cat "$work/qpdf.txt" >&2; fail "qpdf --check did not report a clean file"; }
echo "pdf-checks: qpdf --check is clean"

pdftotext -enc UTF-8 "$work/first.pdf" "$work/text.txt" 2>"$work/pdftotext.err" \
  || fail "pdftotext could not read the PDF"
if [ -s "$work/pdftotext.err" ]; then
  cat "$work/pdftotext.err" >&2
  fail "pdftotext warned while reading the PDF"
fi

python3 - "$letter" "$work/text.txt" <<'PY'
"""Every paragraph of the letter is in pdftotext's text, verbatim, in order.

The paragraphs are read from the letter file with a reader for the subset
of YAML the reference letter uses (Python's standard library has no YAML
parser): top-level keys, one level of nested keys, and list items, with
plain or folded/literal block scalars. Folded text is joined with spaces,
which is all the comparison needs since whitespace is normalised.
"""
import re
import sys

letter_path, text_path = sys.argv[1], sys.argv[2]


def fail(msg):
    print(f"pdf-checks: FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def read_letter(path):
    """Returns {dotted.key: text} and {list key: [texts]}."""
    lines = open(path, encoding="utf-8").read().split("\n")
    values, lists, parents = {}, {}, []
    i = 0

    def block(start, base):
        # The lines of a block scalar: those indented deeper than `base`.
        out, j = [], start
        while j < len(lines) and (not lines[j].strip() or indent_of(lines[j]) > base):
            out.append(lines[j].strip())
            j += 1
        return " ".join(x for x in out if x), j

    while i < len(lines):
        raw = lines[i]
        if not raw.strip() or raw.lstrip().startswith("#"):
            i += 1
            continue
        ind = indent_of(raw)
        parents = [(k, d) for (k, d) in parents if d < ind]
        item = re.match(r"^(\s*)- ?(.*)$", raw)
        if item:
            key = ".".join(k for k, _ in parents)
            rest = item.group(2).strip()
            if rest in (">-", ">", "|", "|-"):
                text, i = block(i + 1, ind)
            else:
                text, i = rest, i + 1
            lists.setdefault(key, []).append(text)
            continue
        m = re.match(r"^(\s*)([A-Za-z_]+):\s*(.*)$", raw)
        if not m:
            fail(f"{path}:{i + 1}: a line this reader does not understand: {raw!r}")
        key, rest = m.group(2), m.group(3).strip()
        path_key = ".".join([k for k, _ in parents] + [key])
        if rest in (">-", ">", "|", "|-"):
            values[path_key], i = block(i + 1, ind)
        elif rest:
            values[path_key] = rest.strip('"')
            i += 1
        else:
            parents.append((key, ind))
            i += 1
    return values, lists


def normalise(s):
    return " ".join(s.replace("\u00a0", " ").split())


values, lists = read_letter(letter_path)
subject, body, closing = values.get("inquiry.subject"), lists.get("body", []), values.get("closing")
if not subject or not closing or len(body) < 10:
    fail(f"could not read the paragraphs of {letter_path} (subject, {len(body)} body items, closing)")
paragraphs = [f"Рассмотрев ваш депутатский запрос касательно {subject}, сообщаю следующее."]
paragraphs += body + [closing]

# pdftotext's lines: page numbers (a line that is only digits) dropped, a
# line-end hyphen before a lowercase letter re-joined, other lines joined
# with a space.
text = ""
for line in open(text_path, encoding="utf-8").read().replace("\f", "\n").split("\n"):
    line = normalise(line)
    if not line or line.isdigit():
        continue
    if text.endswith("-") and line[0].islower():
        text = text[:-1] + line
    else:
        text = f"{text} {line}" if text else line

for bad in ("\u00ad", "\u2010"):
    if bad in text:
        fail(f"the text holds U+{ord(bad):04X}")

at = 0
for n, p in enumerate(paragraphs, 1):
    p = normalise(p)
    found = text.find(p, at)
    if found < 0:
        where = "out of order" if p in text else "missing or not verbatim"
        print(f"--- pdftotext's text, re-joined:\n{text}\n---", file=sys.stderr)
        fail(f"paragraph {n} of {len(paragraphs)} is {where}: «{p}»")
    at = found + len(p)
print(f"pdf-checks: pdftotext: all {len(paragraphs)} paragraphs verbatim and in order")
PY
echo "pdf-checks: passed"
