#!/usr/bin/env bash
# Mail merge against batch throughput (issue 17: "a mail merge renders at no
# less than today's batch throughput"). The same letter,
# examples/v2/dz-517-reply.yaml with its defaults file, rendered N times
# (default 1,000): as a mail merge of N CSV rows (each row sets the
# addressee, salutation and outgoing number, as benches/merge-scale.sh), and
# as a batch of N copies of the letter file. The two alternate ROUNDS times
# (default 3) in one run, so that the machine's load falls on both alike.
# Prints, per round, letters a second and CPU a letter of each (the batch's
# CPU includes its worker processes).
#
#   benches/merge-vs-batch.sh            # 1000 letters, 3 rounds
#   benches/merge-vs-batch.sh 2000 5
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
ROUNDS=${2:-3}
COUNTS=("$N")
. benches/scale-common.sh

letters=$WORK/letters
mkdir -p "$letters"
cp examples/v2/ministry-health.yaml "$letters/"
for i in $(seq -w 0 $((N - 1))); do
  mkdir -p "$letters/d${i:0:2}"
  cp examples/v2/dz-517-reply.yaml "$letters/d${i:0:2}/letter-$i.yaml"
done
# Each folder's letters name their defaults file beside them.
for d in "$letters"/d*; do cp examples/v2/ministry-health.yaml "$d/"; done
rm "$letters/ministry-health.yaml"
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
echo
echo "| round | mail merge ($N rows) | batch ($N files) |"
echo "|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$WORK/merge-out" "$WORK/batch-out"
  read -r mw mu ms _ < <(measure "$BIN" batch examples/v2/dz-517-reply.yaml --data "$csv" -o "$WORK/merge-out" -q)
  read -r bw bu bs _ < <(measure "$BIN" batch "$letters" -o "$WORK/batch-out" -q)
  [ "$(find "$WORK/merge-out" -name '*.pdf' | wc -l)" = "$N" ] || echo "merge wrote $(find "$WORK/merge-out" -name '*.pdf' | wc -l) PDFs" >&2
  [ "$(find "$WORK/batch-out" -name '*.pdf' | wc -l)" = "$N" ] || echo "batch wrote $(find "$WORK/batch-out" -name '*.pdf' | wc -l) PDFs" >&2
  echo "| $round | $(rate "$mw" "$mu" "$ms") | $(rate "$bw" "$bu" "$bs") |"
done
