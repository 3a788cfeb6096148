#!/usr/bin/env bash
# Instructions executed (valgrind's callgrind, Ir) by zhauap binaries, which
# unlike times do not depend on how busy the machine is: a cold render of the
# reference letter (the whole process, start-up and writing the file
# included), and a one-thread batch of LETTERS (default 20) generated
# two-page letters, counted inside `Engine::render_checked` (typesetting and
# writing each letter). For before/after ratios of speed work.
#
# The batch's own hashing (SHA-256 of the inputs and outputs) is left out on
# purpose: valgrind hides the CPU's SHA extensions, so under callgrind sha2
# runs its portable code, a third of the batch's instructions, where a real
# run takes a small fraction of that.
#
#   benches/instructions.sh ZHAUAP [ZHAUAP…]
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 ZHAUAP [ZHAUAP…]" >&2; exit 2; }
command -v valgrind >/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq valgrind >/dev/null
}
# Batch workers (separate processes) would escape callgrind: render in process.
export ZHAUAP_BATCH_IN_PROCESS=1
LETTERS=${LETTERS:-20}
mkdir -p "${BENCH_DIR:-target}"
W=$(mktemp -d "$(realpath "${BENCH_DIR:-target}")/instructions.XXXXXX")
trap 'rm -rf "$W"' EXIT
python3 benches/gen-letters.py examples/dz-83-reply.yaml "$W/in" "$LETTERS"

# Total Ir of one run under callgrind ($COLLECT: only inside that function).
ir() {
  valgrind --tool=callgrind --callgrind-out-file="$W/cg.out" \
    ${COLLECT:+--collect-atstart=no "--toggle-collect=$COLLECT"} "$@" 2>"$W/vg.txt" >/dev/null
  sed -n 's/^summary: //p' "$W/cg.out"
}

printf '| binary | cold render (Ir) | batch of %s, one thread: render_checked (Ir a letter) |\n|---|---|---|\n' "$LETTERS"
for bin in "$@"; do
  bin=$(realpath "$bin")
  cold=$(ir "$bin" render examples/dz-83-reply.yaml -o "$W/ref.pdf" -q)
  rm -rf "$W/out"
  batch=$(COLLECT='zhauap::Engine::render_checked' ir "$bin" batch "$W/in" -o "$W/out" -q -j 1)
  printf '| %s | %s M | %s M |\n' "$(basename "$bin")" \
    "$(python3 -c "print(f'{$cold / 1e6:.1f}')")" \
    "$(python3 -c "print(f'{$batch / $LETTERS / 1e6:.2f}')")"
done
