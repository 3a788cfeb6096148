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
mkdir -p "${BENCH_DIR:-target}"
WORK=$(mktemp -d "$(realpath "${BENCH_DIR:-target}")/scale.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# "wall user sys peak_kib parent_kib worker_kib workers" of a command:
# peak_kib as GNU time's %M (the largest of the process and its workers),
# then the parent's own peak and the largest worker's (benches/peak-memory.py).
measure() {
  python3 benches/peak-memory.py "$@" 2>>"$WORK/stderr.txt" >"$WORK/time.txt" || true
  tail -n 1 "$WORK/time.txt"
}
# KiB as MiB with one decimal.
mib() { python3 -c "print(f'{$1 / 1024:.1f}')"; }
