#!/usr/bin/env bash
# Mail merge against batch throughput (issue 17: "a mail merge renders at no
# less than today's batch throughput"). The same letter (LETTER, default
# examples/v2/dz-517-reply.yaml with its defaults file) rendered N times
# (default 1,000): as a mail merge of N CSV rows (each row sets the
# addressee, salutation and outgoing number, as benches/merge-scale.sh), and
# as a batch of N copies of the letter file. Both render in worker
# processes. The runs alternate ROUNDS times (default 3) in one run, so that
# the machine's load falls on all alike. Prints, per round, letters a second
# and CPU a letter of each (with the workers' CPU).
#
# BASE=path/to/zhauap adds that build's batch of the same copies ("today's
# batch" of the issue is 12c6fb2); it must read LETTER, so give it a letter
# without a defaults file (format v1), e.g. LETTER=examples/dz-83-reply.yaml.
#
#   benches/merge-vs-batch.sh            # 1000 letters, 3 rounds
#   benches/merge-vs-batch.sh 2000 5
#   LETTER=examples/dz-83-reply.yaml BASE=../base/target/release/zhauap benches/merge-vs-batch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
ROUNDS=${2:-3}
LETTER=${LETTER:-examples/v2/dz-517-reply.yaml}
COUNTS=("$N")
. benches/scale-common.sh

# The defaults file the letter names, copied beside each copy.
defaults=$(sed -n 's/^defaults: *//p' "$LETTER")
letters=$WORK/letters
for i in $(seq -w 0 $((N - 1))); do
  d=$letters/d${i:0:2}
  if [ ! -d "$d" ]; then
    mkdir -p "$d"
    [ -z "$defaults" ] || cp "$(dirname "$LETTER")/$defaults" "$d/"
  fi
  cp "$LETTER" "$d/letter-$i.yaml"
done
csv=$WORK/rows.csv
python3 - "$csv" "$N" <<'PY'
import csv, sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["file", "addressee", "salutation", "outgoing.number"])
    for i in range(n):
        w.writerow([f"row-{i:05d}", "Депутату Мажилиса\nПарламента Республики Казахстан\nАбенову Н.К.",
                    "Уважаемый Нурлан Кайратович!", f"04-1/{8812 + i}"])
PY

rate() { python3 -c "print(f'{$N / $1:.0f} letters/s, {($2 + $3) / $N * 1000:.2f} ms CPU')"; }
# Checks that a run wrote N PDFs.
wrote() { [ "$(find "$2" -name '*.pdf' | wc -l)" = "$N" ] || echo "$1 wrote $(find "$2" -name '*.pdf' | wc -l) PDFs" >&2; }
echo
if [ -n "${BASE:-}" ]; then
  echo "| round | mail merge ($N rows) | batch ($N files) | BASE batch ($N files) |"
  echo "|---|---|---|---|"
else
  echo "| round | mail merge ($N rows) | batch ($N files) |"
  echo "|---|---|---|"
fi
for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$WORK/merge-out" "$WORK/batch-out" "$WORK/base-out"
  read -r mw mu ms _ < <(measure "$BIN" batch "$LETTER" --data "$csv" -o "$WORK/merge-out" -q)
  read -r bw bu bs _ < <(measure "$BIN" batch "$letters" -o "$WORK/batch-out" -q)
  wrote merge "$WORK/merge-out"
  wrote batch "$WORK/batch-out"
  line="| $round | $(rate "$mw" "$mu" "$ms") | $(rate "$bw" "$bu" "$bs") |"
  if [ -n "${BASE:-}" ]; then
    read -r ow ou os _ < <(measure "$(realpath "$BASE")" batch "$letters" -o "$WORK/base-out" -q)
    wrote base "$WORK/base-out"
    line="$line $(rate "$ow" "$ou" "$os") |"
  fi
  echo "$line"
done
