#!/usr/bin/env bash
# Fuzzes each target for FUZZ_SECONDS (default 60) on top of the kept corpus.
# Not part of every CI run (cargo-fuzz takes minutes to install); run it by
# hand or nightly: `FUZZ_SECONDS=600 .ci/fuzz.sh`. A finding stops the run with
# the failing input in fuzz/artifacts/TARGET/; add it to fuzz/regressions/ as
# TARGET-what.ext once fixed. The corpus replay on stable is part of
# `cargo test` (tests/suite/fuzz_corpus.rs).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${FUZZ_SECONDS:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
# cargo-fuzz needs nightly flags; the stable compiler accepts them with this.
export RUSTC_BOOTSTRAP=1
for target in letter_parse markup_parse render emblem template; do
  echo "== fuzzing $target for ${seconds}s"
  cargo fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=16384
done
