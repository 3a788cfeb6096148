#!/usr/bin/env bash
# Compares the batch speed of two zhauap binaries on 1,000 generated
# two-page letters. The runs alternate (A B A B …) so that a busy or noisy
# machine slows both alike; prints the median wall and CPU time of each.
#
#   benches/compare.sh OLD_ZHAUAP NEW_ZHAUAP [ROUNDS]   # ROUNDS defaults to 5
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: $0 OLD_ZHAUAP NEW_ZHAUAP [ROUNDS]" >&2; exit 2; }
A=$(realpath "$1")
B=$(realpath "$2")
ROUNDS=${3:-5}
LETTERS=${LETTERS:-1000}
mkdir -p "${BENCH_DIR:-target}"
W=$(mktemp -d "$(realpath "${BENCH_DIR:-target}")/compare.XXXXXX")
trap 'rm -rf "$W"' EXIT
python3 benches/gen-letters.py examples/dz-83-reply.yaml "$W/in" "$LETTERS"
# Each run writes into a folder of its own, deleted only at the end: on
# ext4 a file created soon after many were deleted pays for a scan of the
# recently deleted inodes (0.7-0.9 ms a letter here, found with perf by
# helper h4), which is the file system's cost, not the renderer's, and
# pulled every ratio toward 1.
for round in $(seq "$ROUNDS"); do
  for which in A B; do
    /usr/bin/time -f "$which %e %U %S" -a -o "$W/times.txt" \
      "${!which}" batch "$W/in" -o "$W/out-$round-$which" -q
  done
done
python3 - "$W/times.txt" "$LETTERS" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l[:1] in ("A", "B")]
n = int(sys.argv[2])
med = {}
for k in "AB":
    wall = statistics.median(float(r[1]) for r in rows if r[0] == k)
    cpu = statistics.median(float(r[2]) + float(r[3]) for r in rows if r[0] == k)
    med[k] = (wall, cpu)
    print(f"{k}: wall {wall:.3f} s ({n / wall:.0f} letters/s), CPU {cpu:.3f} s ({cpu / n * 1e3:.2f} ms a letter)")
print(f"B/A: wall {med['B'][0] / med['A'][0]:.3f}, CPU {med['B'][1] / med['A'][1]:.3f}")
PY
