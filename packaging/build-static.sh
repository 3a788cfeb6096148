#!/usr/bin/env bash
# Builds the static x86-64 Linux binary: glibc linked in (+crt-static), the
# `dist` profile (fat LTO, one codegen unit, stripped). Fonts and templates
# are inside the binary, so this one file is the whole program: it runs on
# any x86-64 Linux, with or without Rust or a particular glibc.
#
#   packaging/build-static.sh        → target/x86_64-unknown-linux-gnu/dist/zhauap
#
# The target is named explicitly so that RUSTFLAGS reach only the program,
# not the build scripts and procedural macros (which must stay dynamic).
# CI builds the same program with the release profile in minutes instead
# (`cargo rustc --release --bin zhauap -- -C target-feature=+crt-static`,
# reusing the release build of every crate): .ci/static-checks.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=x86_64-unknown-linux-gnu
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static" \
  cargo build --profile dist --target "$TARGET" --locked "$@"
BIN=${CARGO_TARGET_DIR:-target}/$TARGET/dist/zhauap
# Refuse to call it static if anything is still loaded at run time.
if file "$BIN" | grep -q "dynamically linked"; then
  echo "error: $BIN is dynamically linked" >&2
  exit 1
fi
ls -l "$BIN"
