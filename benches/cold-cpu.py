#!/usr/bin/env python3
"""CPU time (user + system, from wait4) of cold renders, alternating
between builds; prints medians, minor faults and max RSS, and each build's
ratio to the first.

    python3 benches/cold-cpu.py RUNS LETTER.yaml OLD_ZHAUAP NEW_ZHAUAP...

A build may be given as VAR=VAL,VAR2=VAL@BIN to run it with those
environment variables."""
import os, sys, statistics
runs = int(sys.argv[1]); letter = sys.argv[2]; specs = sys.argv[3:]
res = {b: [] for b in specs}
devnull = os.open(os.devnull, os.O_WRONLY)
for i in range(runs):
    for k, spec in enumerate(specs):
        env = dict(os.environ)
        b = spec
        if '@' in spec:
            e, b = spec.split('@', 1)
            for kv in e.split(','):
                kk, vv = kv.split('=', 1); env[kk] = vv
        pid = os.fork()
        if pid == 0:
            os.dup2(devnull, 1); os.dup2(devnull, 2)
            os.execve(b, [b, "render", letter, "-o", f"/tmp/coldcpu-h4-{k}.pdf"], env)
        _, status, ru = os.wait4(pid, 0)
        assert status == 0, (b, status)
        res[spec].append((ru.ru_utime * 1e3, ru.ru_stime * 1e3, ru.ru_minflt, ru.ru_maxrss))
base = None
for b in specs:
    u = statistics.median(r[0] for r in res[b]); s = statistics.median(r[1] for r in res[b])
    t = statistics.median(r[0] + r[1] for r in res[b]); f = statistics.median(r[2] for r in res[b])
    m = statistics.median(r[3] for r in res[b])
    base = base or t
    print(f"{t:7.2f} ms cpu (user {u:5.2f}, sys {s:5.2f}), {f:5.0f} faults, rss {m/1024:5.1f} MB, {t/base:5.3f}x  {b}")
