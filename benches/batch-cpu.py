#!/usr/bin/env python3
"""CPU time (user + system of the batch and its workers, from wait4) of
`zhauap batch` over a folder of letters, alternating between builds, each
run into a new output folder (OUTROOT, default /tmp); prints medians per
letter and each build's ratio to the first.

    python3 benches/gen-letters.py examples/dz-83-reply.yaml IN 1000
    python3 benches/batch-cpu.py ROUNDS IN 1000 OLD_ZHAUAP NEW_ZHAUAP...

A build may be given as VAR=VAL@BIN (e.g. ZHAUAP_BATCH_IN_PROCESS=1@BIN)."""
import os, sys, statistics, shutil, tempfile
rounds = int(sys.argv[1]); indir = sys.argv[2]; n = int(sys.argv[3]); bins = sys.argv[4:]
res = {b: [] for b in bins}
devnull = os.open(os.devnull, os.O_WRONLY)
work = tempfile.mkdtemp(dir=os.environ.get("OUTROOT", "/tmp"))
for i in range(rounds):
    for k, spec in enumerate(bins):
        env = dict(os.environ); b = spec
        if "@" in spec:
            e, b = spec.split("@", 1)
            for kv in e.split(","):
                kk, vv = kv.split("=", 1); env[kk] = vv
        out = os.path.join(work, f"out-{i}-{k}")  # fresh, nothing deleted meanwhile (ext4 nojournal rescans recently deleted inodes)
        pid = os.fork()
        if pid == 0:
            os.dup2(devnull, 1); os.dup2(devnull, 2)
            os.execve(b, [b, "batch", indir, "-o", out, "-q"], env)
        _, status, ru = os.wait4(pid, 0)
        res[spec].append((ru.ru_utime * 1e3 / n, ru.ru_stime * 1e3 / n, ru.ru_minflt / n))
shutil.rmtree(work, ignore_errors=True)
base = None
for b in bins:
    u = statistics.median(r[0] for r in res[b]); s = statistics.median(r[1] for r in res[b])
    t = statistics.median(r[0] + r[1] for r in res[b]); f = statistics.median(r[2] for r in res[b])
    base = base or t
    print(f"{t:6.3f} ms/letter cpu (user {u:5.3f}, sys {s:5.3f}), {f:6.1f} faults/letter, {t/base:5.3f}x  {b}")
