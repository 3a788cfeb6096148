#!/usr/bin/env bash
# The typesetter's own figures (`zhauap render --stats=json`) against the
# shared ruler typo2.py (a copy in tests/data/typo/) on every example and
# test letter: tests/suite/typography_stats.rs, which passes with a notice
# where python3, pdfminer.six or pdftotext is missing. Here they are
# installed and required (ZHAUAP_REQUIRE_TYPO2), so the comparison runs.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; }
python3 -c "import pdfminer" 2>/dev/null || pip3 install -q pdfminer.six==20260107
ZHAUAP_REQUIRE_TYPO2=1 cargo test --release -q --test main typography_stats:: -- --nocapture
