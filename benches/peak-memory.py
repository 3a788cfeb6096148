#!/usr/bin/env python3
"""Time and peak memory of a command and of the processes it starts
(issues 17 and 20), in place of GNU time.

A batch renders in worker processes: GNU time's "maximum resident set size"
(the kernel's ru_maxrss of the command with its waited-for children) is the
largest of the parent and its workers, not their sum, and does not say
which. This runs the command and reads, every 100 ms, the high-water mark
(VmHWM in /proc/PID/status) of the command and of every process below it.
A process's VmHWM only grows, so the last reading before it ends is its
peak, short of what it adds in its last 100 ms (workers live for the whole
run). Reading /proc costs this script some CPU; the CPU times printed are
the command's own (and its children's), from wait4.

Prints one line: "wall user sys maxrss_kib parent_kib worker_kib workers":
maxrss as GNU time's %M, the parent's peak, the largest worker's peak and
how many workers there were.

    benches/peak-memory.py zhauap batch in -o out -q
"""
import os
import subprocess
import sys
import time


def hwm_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def children(pid):
    """Every process below pid (its children, theirs, ...)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for t in tasks:
            try:
                with open(f"/proc/{p}/task/{t}/children") as f:
                    kids = [int(k) for k in f.read().split()]
            except OSError:
                continue
            found.extend(kids)
            todo.extend(kids)
    return found


def main():
    start = time.monotonic()
    child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
    parent = 0
    workers = {}
    while True:
        parent = max(parent, hwm_kib(child.pid) or 0)
        for pid in children(child.pid):
            peak = hwm_kib(pid)
            if peak is not None:
                workers[pid] = max(workers.get(pid, 0), peak)
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.1)
    wall = time.monotonic() - start
    peaks = list(workers.values())
    print(f"{wall:.2f} {usage.ru_utime:.2f} {usage.ru_stime:.2f} {usage.ru_maxrss} "
          f"{parent} {max(peaks, default=0)} {len(peaks)}")
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
