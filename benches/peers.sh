#!/usr/bin/env bash
# zhauap beside its peers (Typst, XeLaTeX) in one run, on the same letters:
# cold one-letter time, batch time a letter, peak memory, PDF size, pages,
# and typography letter by letter (typo2.py, the copy in tests/data/typo/). Prints Markdown
# tables with ratios (peer ÷ zhauap) and keeps them in target/peers/report.md.
#
#   benches/peers.sh                 # installs what is missing, then measures
#   benches/peers.sh --typography-only   # no speed runs: typography only
#   benches/peers.sh --typst-cli     # also the Typst CLI and its bundle mode:
#                                    # builds typst-cli 0.15.1 once into
#                                    # target/typst-cli (cargo install --locked;
#                                    # 59 min with -j 1 on 2 cores shared with
#                                    # other builds, load 11-16; TYPST_CLI_JOBS=N
#                                    # to change -j)
#   TYPST=/path/to/typst benches/peers.sh           # that Typst CLI, no build
#   COLD_RUNS=15 ROUNDS=3 LETTERS=100 TEX_LETTERS=10 CLI_LETTERS=20 benches/peers.sh
#   ZHAUAP=target/release/zhauap benches/peers.sh   # that binary, no build
#
# Typst's bundle (many letters from one compile) overflows a thread's default
# stack (300 letters do): it runs with 512 MiB stacks (BUNDLE_STACK_MIB: both
# RUST_MIN_STACK for its worker threads and `ulimit -s` for the main one).
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
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
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
# The Typst CLI: $TYPST, else one built here before, else with --typst-cli
# build it (pinned: bundle mode is experimental and may change), else none.
cli_root=$(realpath -m "${CARGO_TARGET_DIR:-target}/typst-cli")
TYPST_CLI_VERSION=0.15.1
if [ -z "${TYPST:-}" ] && [ -x "$cli_root/bin/typst" ]; then
  TYPST=$cli_root/bin/typst
elif [ -z "${TYPST:-}" ] && [ "$want_cli" = 1 ]; then
  echo "== building typst-cli $TYPST_CLI_VERSION into $cli_root (long: about an hour on 2 busy cores)" >&2
  CARGO_TARGET_DIR="$cli_root/build" cargo install typst-cli --version "$TYPST_CLI_VERSION" --locked \
    -j "${TYPST_CLI_JOBS:-1}" --root "$cli_root"
  rm -rf "$cli_root/build"  # kept until then: a failed build resumes where it stopped
  TYPST=$cli_root/bin/typst
fi
cli_args=()
[ -n "${TYPST:-}" ] && cli_args=(--typst-cli "$(realpath "$TYPST")")

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
  --cli-letters "${CLI_LETTERS:-20}" --bundle-stack-mib "${BUNDLE_STACK_MIB:-512}" \
  ${cli_args[@]+"${cli_args[@]}"} ${only[@]+"${only[@]}"}
