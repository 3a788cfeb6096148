#!/usr/bin/env bash
# zhauap beside its peers (Typst, XeLaTeX) in one run, on the same letters:
# cold one-letter time, batch time a letter, peak memory, PDF size, pages,
# and typography letter by letter (typo2.py, the copy in tests/data/typo/). Prints Markdown
# tables with ratios (peer ÷ zhauap) and keeps them in target/peers/report.md.
#
#   benches/peers.sh                 # installs what is missing, then measures
#   benches/peers.sh --typography-only   # no speed runs: typography only
#   benches/peers.sh --typst-cli     # also builds the Typst CLI (cargo install
#                                    # typst-cli --locked: long on 2 cores)
#   COLD_RUNS=15 ROUNDS=3 LETTERS=100 TEX_LETTERS=10 benches/peers.sh
#   ZHAUAP=target/release/zhauap benches/peers.sh   # that binary, no build
#
# The sources the peers get are written from each letter's YAML by
# benches/peers/gen.py (benches/peers/letters.txt lists the letters);
# benches/peers/src/ holds them for every listed letter, to read.
# Installs with apt-get (hyperfine is not needed: the runs must alternate
# between engines, which a Python loop does) and pip.
set -euo pipefail
cd "$(dirname "$0")/.."

want_cli=0
only=()
for arg in "$@"; do
  case "$arg" in
    --typst-cli) want_cli=1 ;;
    --typography-only) only=(--typography-only) ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done

missing=()
command -v xelatex >/dev/null || missing+=(texlive-xetex texlive-lang-cyrillic texlive-latex-recommended)
command -v pdfinfo >/dev/null || missing+=(poppler-utils)
command -v python3 >/dev/null || missing+=(python3 python3-pip)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
python3 -c 'import typst, pdfminer, yaml' 2>/dev/null ||
  { echo "== installing the typst binding, pdfminer.six, PyYAML (pip)" >&2
    python3 -m pip install -q typst pdfminer.six pyyaml; }
if [ "$want_cli" = 1 ] && ! command -v typst >/dev/null; then
  echo "== building the Typst CLI (cargo install typst-cli --locked)" >&2
  cargo install typst-cli --locked
fi

# ZHAUAP=path/to/zhauap measures that binary instead of building this tree.
if [ -n "${ZHAUAP:-}" ]; then
  BIN=$(realpath "$ZHAUAP")
else
  cargo build --release -q
  BIN=$(realpath "${CARGO_TARGET_DIR:-target}/release/zhauap")
fi
mkdir -p "${BENCH_DIR:-target}"
WORK=$(realpath "${BENCH_DIR:-target}")/peers

python3 benches/peers/measure.py "$BIN" "$WORK" \
  --cold-runs "${COLD_RUNS:-15}" --rounds "${ROUNDS:-3}" \
  --letters "${LETTERS:-100}" --tex-letters "${TEX_LETTERS:-10}" \
  --cli-letters "${CLI_LETTERS:-20}" "${only[@]}"
