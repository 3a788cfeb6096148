# Sourced by batch-scale.sh and merge-scale.sh (from the repository root,
# with COUNTS set from their arguments): the binary to measure (ZHAUAP, or
# a fresh release build), a scratch folder WORK removed on exit, and
# `measure`.
[ ${#COUNTS[@]} -gt 0 ] || COUNTS=(1000 10000)
if [ -z "${ZHAUAP:-}" ]; then
  cargo build --release -q
  ZHAUAP=${CARGO_TARGET_DIR:-target}/release/zhauap
fi
BIN=$(realpath "$ZHAUAP")
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
mkdir -p "${BENCH_DIR:-target}"
WORK=$(mktemp -d "$(realpath "${BENCH_DIR:-target}")/scale.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# "wall user sys peak_kib" of a command.
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" 2>>"$WORK/stderr.txt" >/dev/null || true
  tail -n 1 "$WORK/time.txt"
}
