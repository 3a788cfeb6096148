#!/usr/bin/env bash
# Mail merge at scale (issue 17): one letter (examples/v2/dz-517-reply.yaml)
# merged with a CSV of N generated rows (default 1,000 and 10,000), each
# with its own output name, addressee, salutation and outgoing number, as
# in examples/v2/recipients.csv. For each N: wall and CPU time, letters a
# second, CPU a letter and peak memory (benches/peak-memory.py: the largest
# of the process and its workers, as GNU time counts, then the parent's own
# and the largest worker's), then the unchanged re-run. Peak memory that
# does not grow with the rows is the point. Rows render in worker processes
# as a batch's letters do; ZHAUAP_BATCH_IN_PROCESS=1 measures them in the
# parent's threads. Prints a Markdown table.
#
#   benches/merge-scale.sh               # 1000 and 10000
#   benches/merge-scale.sh 200 2000      # other counts
#   ZHAUAP=path/to/zhauap benches/merge-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=("$@")
. benches/scale-common.sh
LETTER=examples/v2/dz-517-reply.yaml

rows=()
for n in "${COUNTS[@]}"; do
  echo "== $n rows" >&2
  csv=$WORK/rows-$n.csv
  python3 - "$csv" "$n" <<'PY'
import csv, sys
path, n = sys.argv[1], int(sys.argv[2])
chambers = ["Мажилиса", "Сената"]
names = [("Абенову Н.К.", "Уважаемый Нурлан Кайратович!"),
         ("Сарсеновой Г.Т.", "Уважаемая Гульнара Толеуовна!"),
         ("Иванову И.И.", "Уважаемый Иван Иванович!"),
         ("Сейткали А.Б.", "Уважаемый Аскар Болатович!")]
with open(path, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["file", "addressee", "salutation", "outgoing.number"])
    for i in range(n):
        name, salutation = names[i % len(names)]
        w.writerow([f"row-{i:05d}",
                    f"Депутату {chambers[i % 2]}\nПарламента Республики Казахстан\n{name}",
                    salutation, f"04-1/{8812 + i}"])
PY
  out=$WORK/out-$n
  read -r wall user sys peak parent worker workers < <(measure "$BIN" batch "$LETTER" --data "$csv" -o "$out" -q)
  made=$(find "$out" -name '*.pdf' | wc -l)
  read -r again _ _ again_peak again_parent _ _ < <(measure "$BIN" batch "$LETTER" --data "$csv" -o "$out" -q)
  rows+=("| $n | ${wall} s ($(python3 -c "print(f'{$n / $wall:.0f}')") letters/s), $made PDFs | $(python3 -c "print(f'{($user + $sys) / $n * 1000:.2f}')") ms | $(mib "$peak") MiB (parent $(mib "$parent"), largest of $workers workers $(mib "$worker")) | ${again} s, $(mib "$again_peak") MiB (parent $(mib "$again_parent")) |")
  rm -rf "$out" "$csv"
done

cat <<EOF

| rows | first run | CPU a letter | peak memory: merge (parent, workers) | unchanged re-run |
|---|---|---|---|---|
$(printf '%s\n' "${rows[@]}")
EOF
