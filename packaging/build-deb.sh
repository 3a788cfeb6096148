#!/usr/bin/env bash
# Builds the Debian package: the program, its manual pages (zhauap(1) and
# zhauap-SUBCOMMAND(1) for each subcommand), completions for
# bash, zsh and fish, and the licence files (the program's and the fonts').
#
#   packaging/build-deb.sh                 # release profile → target/debian/zhauap_*.deb
#   PROFILE=dist packaging/build-deb.sh    # the shipped profile (fat LTO, stripped)
#
# Needs cargo-deb (cargo install cargo-deb --locked).
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE=${PROFILE:-release}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build --profile "$PROFILE" --locked
BIN=$TARGET_DIR/$PROFILE/zhauap
OUT=$TARGET_DIR/packaging
mkdir -p "$OUT"
rm -rf "$OUT/man"
"$BIN" -q --ui-lang en man -o "$OUT/man"
gzip -9n "$OUT/man"/*.1
"$BIN" --ui-lang en completions bash >"$OUT/zhauap.bash"
"$BIN" --ui-lang en completions zsh >"$OUT/_zhauap"
"$BIN" --ui-lang en completions fish >"$OUT/zhauap.fish"
cargo deb --no-build --profile "$PROFILE" "$@"
