#!/usr/bin/env bash
# Batch at scale (issues 17 and 20). For each letter count (default 1,000 and
# 10,000 generated two-page letters):
#   1. the first run: wall and CPU time, peak memory (GNU time);
#   2. the unchanged re-run: wall time, and that it wrote nothing (every
#      file's size and modification time the same, the manifest included);
#   3. 8 shards as 8 processes with JOB_COMPLETION_INDEX=0..7 into one
#      folder: exactly the files and bytes of the unsharded run, and the
#      concatenated manifests hold one record per letter whose SHA-256s
#      match the files.
# Prints a Markdown table. Peak memory that does not grow with the number of
# letters is the point of the first two columns: the batch's (the largest of
# its processes, as GNU time counts it), the parent's (plan, manifest,
# report) and the largest worker's (rendering), each its own peak resident
# set.
#
#   benches/batch-scale.sh               # 1000 and 10000
#   benches/batch-scale.sh 200 2000      # other counts
#   ZHAUAP=path/to/zhauap benches/batch-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=("$@")
. benches/scale-common.sh
# Size and modification time of every file below a folder.
stamp() { find "$1" -type f -printf '%P %s %T@\n' | sort; }

rows=()
for n in "${COUNTS[@]}"; do
  in=$WORK/in-$n
  echo "== $n letters" >&2
  python3 benches/gen-letters.py examples/dz-83-reply.yaml "$in" "$n"
  # Letters at rest, as a records office's are: a letter read within two
  # seconds of its last change has no stat recorded, and the next run reads
  # it and records it (rewriting the manifest, not the outputs).
  sleep 2
  out=$WORK/out-$n
  read -r wall user sys peak parent worker workers < <(measure "$BIN" batch "$in" -o "$out" -q)
  stamp "$out" >"$WORK/before.txt"
  read -r again _ _ again_peak again_parent _ _ < <(measure "$BIN" batch "$in" -o "$out" -q)
  stamp "$out" >"$WORK/after.txt"
  if cmp -s "$WORK/before.txt" "$WORK/after.txt"; then wrote=nothing; else wrote=SOMETHING; fi

  sharded=$WORK/sharded-$n
  start=$(date +%s.%N)
  for i in 0 1 2 3 4 5 6 7; do
    JOB_COMPLETION_INDEX=$i "$BIN" batch "$in" -o "$sharded" -q --shard auto --shards 8 &
  done
  wait
  shards_wall=$(python3 -c "import time; print(f'{time.time() - $start:.2f}')")
  same=$(diff -rq -x 'manifest*.jsonl' "$out" "$sharded" >/dev/null && echo identical || echo DIFFERENT)
  records=$(python3 - "$sharded" "$n" <<'PY'
import glob, hashlib, json, os, sys
folder, n = sys.argv[1], int(sys.argv[2])
recs = [json.loads(l) for f in sorted(glob.glob(os.path.join(folder, "manifest*.jsonl"))) for l in open(f)]
ok = all(hashlib.sha256(open(r["output"]["path"], "rb").read()).hexdigest() == r["output"]["sha256"] for r in recs)
print(f"{len(recs)} records, {'hashes match' if ok and len(recs) == n else 'MISMATCH'}")
PY
)
  rows+=("| $n | ${wall} s ($(python3 -c "print(f'{$n / $wall:.0f}')") letters/s) | $(python3 -c "print(f'{($user + $sys) / $n * 1000:.2f}')") ms | $(mib "$peak") MiB (parent $(mib "$parent"), largest of $workers workers $(mib "$worker")) | ${again} s, $(mib "$again_peak") MiB (parent $(mib "$again_parent")), wrote $wrote | ${shards_wall} s, $same; $records |")
  rm -rf "$in" "$out" "$sharded"
done

cat <<EOF

| letters | first run | CPU a letter | peak memory | unchanged re-run | 8 shards (JOB_COMPLETION_INDEX=0..7) |
|---|---|---|---|---|---|
$(printf '%s\n' "${rows[@]}")
EOF
