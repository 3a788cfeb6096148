#!/usr/bin/env bash
# Whole-process benchmarks, beside the per-stage ones (cargo bench):
#   1. a cold `zhauap render` of the reference letter (hyperfine, median);
#   2. its peak memory (/usr/bin/time -v);
#   3. `zhauap batch` over 1,000 generated two-page letters: first run,
#      unchanged re-run, and the same with one broken letter among them.
# Prints a Markdown table of the figures. Needs hyperfine, GNU time and
# python3 (installed with apt-get when missing).
#
#   benches/bench.sh            # 1,000 letters
#   LETTERS=200 benches/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

LETTERS=${LETTERS:-1000}
RUNS=${RUNS:-40}

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo build --release -q
BIN=${CARGO_TARGET_DIR:-target}/release/zhauap
BIN=$(realpath "$BIN")
REF=$(realpath examples/dz-83-reply.yaml)
# Outputs go to a real disk (not tmpfs): the figures include writing and
# flushing the PDF, as a user's run does.
mkdir -p "${BENCH_DIR:-target}"
WORK=$(mktemp -d "$(realpath "${BENCH_DIR:-target}")/bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

median() { # hyperfine JSON → "median_ms user_ms sys_ms"
  python3 -c '
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.1f %.1f %.1f" % (statistics.median(r["times"]) * 1e3, r["user"] * 1e3, r["system"] * 1e3))' "$1"
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

echo "== cold render of the reference letter ($RUNS runs)" >&2
hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$WORK/cold.json" \
  "$BIN render $REF -o $WORK/ref.pdf" >&2
read -r cold_ms cold_user cold_sys < <(median "$WORK/cold.json")
pages=$("$BIN" render "$REF" -o "$WORK/ref.pdf" 2>&1 | sed -n 's/.*(\([0-9]*\) page.*/\1/p')
size_kb=$(( $(stat -c %s "$WORK/ref.pdf") / 1024 ))

echo "== peak memory" >&2
peak_kb=0
for _ in 1 2 3 4 5; do
  kb=$(/usr/bin/time -v "$BIN" render "$REF" -o "$WORK/ref.pdf" 2>&1 >/dev/null |
    sed -n 's/.*Maximum resident set size (kbytes): //p')
  [ "$kb" -gt "$peak_kb" ] && peak_kb=$kb
done
peak_mib=$(python3 -c "print(f'{$peak_kb / 1024:.1f}')")

echo "== $LETTERS generated letters" >&2
python3 benches/gen-letters.py "$REF" "$WORK/in" "$LETTERS"

batch() { # OUT [args] → "wall_s user_s sys_s exit"
  local out=$1
  shift
  local t0 t1 code=0
  t0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$WORK/time.txt" \
    "$BIN" batch "$WORK/in" -o "$out" -q "$@" 2>"$WORK/stderr.txt" || code=$?
  t1=$(date +%s.%N)
  # GNU time puts "Command exited with non-zero status N" before the times.
  echo "$(python3 -c "print(f'{$t1 - $t0:.3f}')") $(tail -n 1 "$WORK/time.txt") $code"
}

echo "== batch, first run" >&2
read -r first_s first_user first_sys first_code < <(batch "$WORK/out" --report "$WORK/report.json")
two_pages=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print(sum(1 for l in r["letters"] if l["pages"] == 2))' "$WORK/report.json")
echo "== batch, unchanged re-run" >&2
read -r again_s again_user again_sys again_code < <(batch "$WORK/out")
hyperfine -N --warmup 1 --runs 10 --export-json "$WORK/again.json" \
  "$BIN batch $WORK/in -o $WORK/out -q" >&2
read -r again_ms _ _ < <(median "$WORK/again.json")

echo "== batch with one broken letter among them" >&2
printf 'lang: ru\nsigature:\n  name: X\n' >"$WORK/in/dept-07/broken.yaml"
read -r broken_s _ _ broken_code < <(batch "$WORK/broken-out")
written=$(find "$WORK/broken-out" -name '*.pdf' | wc -l)
named=$(grep -c "broken.yaml:2:1: error" "$WORK/stderr.txt" || true)

python3 - "$LETTERS" "$first_s" "$first_user" "$first_sys" "$again_ms" <<'EOF' >"$WORK/derived.txt"
import os, sys
n, first, user, sys_, again_ms = int(sys.argv[1]), *map(float, sys.argv[2:])
cores = os.cpu_count()
cpu = user + sys_
print(f"{n / first:.0f} {cpu / n * 1000:.2f} {cores * n / cpu:.0f} {again_ms / 1000 / first:.3f}")
EOF
read -r rate cpu_per_letter idle_rate ratio <"$WORK/derived.txt"

cat <<EOF

| measure | zhauap | target |
|---|---|---|
| cold \`render\` of the reference letter, median of $RUNS | $cold_ms ms (user $cold_user ms, sys $cold_sys ms) | ≤ 15 ms |
| peak memory of that render | $peak_mib MiB | ≤ 20 MiB |
| reference letter PDF | $pages pages, $size_kb KB | |
| \`batch\`, $LETTERS letters ($two_pages of them two pages), first run (exit $first_code) | $first_s s = $rate letters/s | ≥ 400 letters/s |
| CPU time a letter in the batch (user + sys) | $cpu_per_letter ms = $idle_rate letters/s on $(nproc) idle cores | |
| unchanged re-run (median of 10) | $again_ms ms = $ratio of the first run | < 0.2 |
| one broken letter among them | exit $broken_code, named with line:col $named time(s), $written PDFs written | exit 1, $LETTERS written |

Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end.
EOF
