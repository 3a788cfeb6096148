#!/usr/bin/env python3
"""zhauap beside its peers in one run: speed, memory, size, pages and
typography. Called by benches/peers.sh, which installs the peers first.

usage: measure.py ZHAUAP WORKDIR [--cold-runs N] [--rounds N] [--letters N]
                  [--tex-letters N] [--cli-letters N] [--typst-cli PATH]
                  [--bundle-stack-mib N]
                  [--typography-only]

--typography-only skips the timed runs (cold, batch) and measures only the
typography of every listed letter, which needs no quiet machine.

Every timed figure comes from rounds that alternate the engines (zhauap,
peer 1, peer 2, ..., zhauap, ...), so a machine that gets busier or quieter
during the run slows every engine alike; the figures are medians over the
rounds. Wall time is the elapsed time; CPU time and peak memory come from
the child's own resource usage (wait4), so they include everything the
process did (for the typst binding: the Python interpreter too).

Prints Markdown tables; ratios are peer / zhauap (above 1: zhauap is faster,
smaller or uses less).
"""
import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
FONTS = os.path.join(ROOT, "fonts")
sys.path.insert(0, HERE)
import gen  # noqa: E402

# The shared ruler; the repository keeps a copy (the typography checks use it).
TYPO2 = [os.path.join(ROOT, "tests", "data", "typo", "typo2.py")]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def stack_limit(mib):
    """A preexec_fn giving the child's main thread a stack of `mib` MiB
    (what `ulimit -s` does in a shell); None keeps the inherited limit.
    Threads a Rust program spawns get theirs from RUST_MIN_STACK (see run)."""
    if not mib:
        return None
    size = mib * 1024 * 1024

    def set_limit():
        hard = resource.getrlimit(resource.RLIMIT_STACK)[1]
        resource.setrlimit(resource.RLIMIT_STACK, (size if hard == resource.RLIM_INFINITY else min(size, hard), hard))
    return set_limit


def run(cmd, cwd=None, stack_mib=None, check=True):
    """Runs cmd; returns (wall s, cpu s, peak RSS KiB). Fails loudly, unless
    check is false: then a failure returns the exit code and the end of stderr."""
    env = None
    if stack_mib:  # Typst's bundle overflows in a rayon worker: their stacks, too
        env = dict(os.environ, RUST_MIN_STACK=str(stack_mib * 1024 * 1024))
    # stderr goes to a file, read after the exit: a pipe nobody reads while
    # waiting would stall a child that warns more than its buffer holds
    # (zhauap's batch of 1,000 generated letters warns about their dates).
    with tempfile.TemporaryFile() as errf:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errf,
                             preexec_fn=stack_limit(stack_mib), env=env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        errf.seek(0)
        err = errf.read().decode(errors="replace")
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        if not check:
            return p.returncode, err.strip()[-300:]
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(next(l.split()[1] for l in out.splitlines() if l.startswith("Pages:")))


def med(xs):
    return statistics.median(xs)


def fmt_ms(s):
    ms = s * 1e3
    return f"{ms:,.0f} ms" if ms >= 100 else f"{ms:.1f} ms"


def ratio(peer, ours):
    r = peer / ours
    return f"{r:,.0f}×" if r >= 100 else f"{r:.1f}×"


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------

def write_sources(letter, out):
    """NAME.typ, NAME.tex (LaTeX defaults) and NAME-es.tex from one letter."""
    B = gen.letter_blocks(gen.load(letter))
    name = os.path.splitext(os.path.basename(letter))[0]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, name + ".typ"), "w", encoding="utf-8") as f:
        f.write(gen.to_typst(B))
    with open(os.path.join(out, name + ".tex"), "w", encoding="utf-8") as f:
        f.write(gen.to_tex(B, FONTS))
    with open(os.path.join(out, name + "-es.tex"), "w", encoding="utf-8") as f:
        f.write(gen.to_tex(B, FONTS, emergency=True))
    return name


TYPST_ONE = """import sys, typst
extra = {"pdf_standards": sys.argv[4:]} if sys.argv[4:] else {}
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]], ignore_system_fonts=True, **extra)
"""

TYPST_LOOP = """import os, sys, typst
src, out, fonts = sys.argv[1:4]
for f in sorted(os.listdir(src)):
    if f.endswith(".typ"):
        typst.compile(os.path.join(src, f), output=os.path.join(out, f[:-4] + ".pdf"),
                      font_paths=[fonts], ignore_system_fonts=True)
"""

# The binding at its best: one Compiler keeps the fonts loaded between letters.
TYPST_COMPILER = """import os, sys, typst
src, out, fonts = sys.argv[1:4]
files = sorted(f for f in os.listdir(src) if f.endswith(".typ"))
c = typst.Compiler(os.path.join(src, files[0]), font_paths=[fonts], ignore_system_fonts=True)
for f in files:
    c.compile(input=os.path.join(src, f), output=os.path.join(out, f[:-4] + ".pdf"))
"""

XELATEX_LOOP = """set -e
cd "$1"
for f in *.tex; do xelatex -interaction=batchmode -halt-on-error "$f" >/dev/null; done
"""

TYPST_CLI_LOOP = """set -e
cd "$2"
for f in *.typ; do "$1" compile --font-path "$3" --ignore-system-fonts "$f" "$4/${f%.typ}.pdf"; done
"""

# Typst's experimental bundle export (0.15): one compile of a file whose
# `document` elements each become a file of the output directory.
TYPST_BUNDLE = ["compile", "--features", "bundle", "--format", "bundle"]


def write_bundle(typ_dir, names, path):
    """The bundle's main file: one PDF document a letter, its body the letter's
    own source (its set rules stay inside it)."""
    rel = os.path.relpath(typ_dir, os.path.dirname(path))
    with open(path, "w", encoding="utf-8") as f:
        f.write("// Generated by benches/peers/measure.py: every letter as a document of one bundle.\n")
        for n in names:
            f.write(f'#document("{n}.pdf", include "{rel}/{n}.typ")\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("zhauap")
    ap.add_argument("work")
    ap.add_argument("--cold-runs", type=int, default=15)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--letters", type=int, default=100)
    ap.add_argument("--tex-letters", type=int, default=10)
    ap.add_argument("--cli-letters", type=int, default=20)
    ap.add_argument("--typst-cli", default=shutil.which("typst"))
    ap.add_argument("--typography-only", action="store_true",
                    help="skip the speed runs; typography tables only")
    # Typst 0.15.1's bundle overflows a worker thread's default 2 MiB stack
    # (300 letters do); it is timed with this stack for every thread
    # (RUST_MIN_STACK and `ulimit -s`; 0: the defaults).
    ap.add_argument("--bundle-stack-mib", type=int, default=512)
    a = ap.parse_args()
    Z = os.path.abspath(a.zhauap)
    W = os.path.abspath(a.work)
    shutil.rmtree(W, ignore_errors=True)
    os.makedirs(W)
    typo2 = next((p for p in TYPO2 if os.path.exists(p)), None)
    import typst  # noqa: F401  (fails here, early, when the binding is missing)

    letters = [l.strip() for l in open(os.path.join(HERE, "letters.txt"), encoding="utf-8")
               if l.strip() and not l.startswith("#")]
    letters = [os.path.join(ROOT, l) for l in letters if os.path.exists(os.path.join(ROOT, l))]
    ref = letters[0]
    xelatex_ver = subprocess.run(["xelatex", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    zh_ver = subprocess.run([Z, "--version"], capture_output=True, text=True).stdout.strip()
    cli_ver = (subprocess.run([a.typst_cli, "--version"], capture_output=True, text=True).stdout.strip()
               if a.typst_cli else None)
    import typst as _t
    head = [
        f"- machine: {os.cpu_count()} cores, {platform.machine()}; load average at start "
        f"{open('/proc/loadavg').read().split()[0]}",
        f"- {zh_ver}; typst binding {getattr(_t, '__version__', '?')} (pip `typst`); "
        f"typst CLI: {cli_ver or 'not installed'}; {xelatex_ver}",
    ]

    if a.typography_only:
        rep = typography(Z, W, letters, typo2) if typo2 else ["(typography not measured: typo2.py not found)"]
        out = "\n".join(rep) + "\n"
        with open(os.path.join(W, "report.md"), "w", encoding="utf-8") as f:
            f.write(out)
        print(out)
        return

    # ---------------------------------------------------------------- cold
    log("== sources and a first render of the reference letter")
    src = os.path.join(W, "ref")
    name = write_sources(ref, src)
    typ, tex = os.path.join(src, name + ".typ"), os.path.join(src, name + ".tex")
    cold = {
        "zhauap": [Z, "render", ref, "-o", os.path.join(src, "z.pdf"), "-q"],
        "typst binding (Python process)": [sys.executable, "-c", TYPST_ONE, typ, os.path.join(src, "t.pdf"), FONTS],
        # zhauap writes PDF/A-2b with tags; Typst can too, at a cost
        "typst binding, PDF/A-2b": [sys.executable, "-c", TYPST_ONE, typ, os.path.join(src, "ta.pdf"), FONTS, "a-2b"],
        "XeLaTeX": ["xelatex", "-interaction=batchmode", "-halt-on-error", name + ".tex"],
    }
    outputs = {"zhauap": "z.pdf", "typst binding (Python process)": "t.pdf", "typst binding, PDF/A-2b": "ta.pdf",
               "XeLaTeX": name + ".pdf"}
    if a.typst_cli:
        cli = [a.typst_cli, "compile", "--font-path", FONTS, "--ignore-system-fonts"]
        cold["typst CLI"] = cli + [typ, os.path.join(src, "c.pdf")]
        cold["typst CLI, PDF/A-2b"] = cli + ["--pdf-standard", "a-2b", typ, os.path.join(src, "ca.pdf")]
        outputs["typst CLI"] = "c.pdf"
        outputs["typst CLI, PDF/A-2b"] = "ca.pdf"
    for cmd in cold.values():  # warm the disk cache and fail early
        run(cmd, cwd=src)
    log(f"== cold one-letter runs, {a.cold_runs} alternating rounds")
    cold_t = {k: [] for k in cold}
    for _ in range(a.cold_runs):
        for k, cmd in cold.items():
            cold_t[k].append(run(cmd, cwd=src))

    # ---------------------------------------------------------------- batch
    log(f"== batch: {a.letters} letters (zhauap, typst binding), {a.tex_letters} (XeLaTeX)")
    gin = os.path.join(W, "in")
    subprocess.run([sys.executable, os.path.join(ROOT, "benches", "gen-letters.py"), ref, gin, str(a.letters)],
                   check=True)
    yamls = sorted(os.path.join(d, f) for d, _, fs in os.walk(gin) for f in fs if f.endswith(".yaml"))
    typ_dir, tex_dir, cli_dir = (os.path.join(W, x) for x in ("typ", "tex", "cli"))
    for d in (typ_dir, tex_dir, cli_dir):
        os.makedirs(d)
    for i, y in enumerate(yamls):
        B = gen.letter_blocks(gen.load(y))
        n = f"letter-{i:04d}"
        with open(os.path.join(typ_dir, n + ".typ"), "w", encoding="utf-8") as f:
            f.write(gen.to_typst(B))
        if i < a.tex_letters:
            with open(os.path.join(tex_dir, n + ".tex"), "w", encoding="utf-8") as f:
                f.write(gen.to_tex(B, FONTS))
        if i < a.cli_letters:
            shutil.copy(os.path.join(typ_dir, n + ".typ"), cli_dir)
    outs = {k: os.path.join(W, "out-" + k) for k in ("z", "t", "tc", "c", "b")}
    batch = {
        "zhauap batch": (a.letters, lambda: [Z, "batch", gin, "-o", outs["z"], "-q"]),
        "typst binding, Python loop of typst.compile": (
            a.letters, lambda: [sys.executable, "-c", TYPST_LOOP, typ_dir, outs["t"], FONTS]),
        "typst binding, one Compiler": (
            a.letters, lambda: [sys.executable, "-c", TYPST_COMPILER, typ_dir, outs["tc"], FONTS]),
        "XeLaTeX, one process a letter": (a.tex_letters, lambda: ["bash", "-c", XELATEX_LOOP, "-", tex_dir]),
    }
    stacks = {}  # batch -> main-thread stack in MiB, where not the inherited one
    bundle_note = None
    if a.typst_cli:
        batch["typst CLI, one process a letter"] = (
            a.cli_letters, lambda: ["bash", "-c", TYPST_CLI_LOOP, "-", a.typst_cli, cli_dir, FONTS, outs["c"]])
        main_typ = os.path.join(W, "bundle", "main.typ")
        os.makedirs(os.path.dirname(main_typ))
        write_bundle(typ_dir, [f"letter-{i:04d}" for i in range(len(yamls))], main_typ)
        bundle = ([a.typst_cli] + TYPST_BUNDLE + ["--root", W, "--font-path", FONTS, "--ignore-system-fonts",
                                                  main_typ, outs["b"]])
        key = "typst CLI bundle mode, one process"
        batch[key] = (a.letters, lambda: bundle)
        stacks[key] = a.bundle_stack_mib
        # Once at the inherited stack, to say whether the bigger one is needed.
        shutil.rmtree(outs["b"], ignore_errors=True)
        probe = run(bundle, check=False)  # default stacks: RUST_MIN_STACK as inherited
        soft = resource.getrlimit(resource.RLIMIT_STACK)[0]
        inherited = "unlimited" if soft == resource.RLIM_INFINITY else f"{soft // 1024 // 1024} MiB"
        if len(probe) == 2:
            bundle_note = (f"With the default stacks (main thread {inherited}, other threads 2 MiB) the bundle of {a.letters} letters failed "
                           f"(exit {probe[0]}: {probe[1].splitlines()[0] if probe[1] else 'no message'}); "
                           f"it is timed with {a.bundle_stack_mib} MiB stacks (RUST_MIN_STACK for its threads, `ulimit -s` for the main one).")
        else:
            bundle_note = (f"The bundle of {a.letters} letters also ran with the default stacks "
                           f"(main thread {inherited}); it is timed with {a.bundle_stack_mib} MiB ones, "
                           "which more letters need.")
        log("   " + bundle_note)
    # Each engine starts from an empty output directory (XeLaTeX writes beside its sources).
    out_of = {"zhauap batch": outs["z"], "typst binding, Python loop of typst.compile": outs["t"],
              "typst binding, one Compiler": outs["tc"], "typst CLI, one process a letter": outs["c"],
              "typst CLI bundle mode, one process": outs["b"]}
    batch_t = {k: [] for k in batch}
    for r in range(a.rounds):
        for k, (n, cmd) in batch.items():
            if k in out_of:
                shutil.rmtree(out_of[k], ignore_errors=True)
                os.makedirs(out_of[k])
            batch_t[k].append(run(cmd(), stack_mib=stacks.get(k)))
        log(f"   round {r + 1}/{a.rounds} done")
    if a.typst_cli:  # the bundle wrote every letter, as PDF
        made = sorted(f for f in os.listdir(outs["b"]) if f.endswith(".pdf"))
        if len(made) != a.letters:
            raise SystemExit(f"the bundle wrote {len(made)} PDFs for {a.letters} letters")
        bundle_pages = sum(pages(os.path.join(outs["b"], f)) for f in made)
        separate_pages = sum(pages(os.path.join(outs["t"], f)) for f in made)
        if bundle_pages != separate_pages:  # the letters were set alike in both modes
            raise SystemExit(f"the bundle set {bundle_pages} pages, the binding {separate_pages}")

    # ---------------------------------------------------------------- report: speed
    rep = ["### Speed, memory, size: the reference letter and batches", ""] + head + [
        f"- load average at the end {open('/proc/loadavg').read().split()[0]}: the machine was shared "
        "with other builds during the run; read the ratios (every engine slowed alike), not the times",
        f"- cold: medians of {a.cold_runs} alternating rounds; batch: medians of {a.rounds} alternating rounds; "
        "CPU = user + system time of the process and its children; peak memory = the largest resident set",
        ""]
    z_w, z_c, z_m = (med([t[i] for t in cold_t["zhauap"]]) for i in range(3))
    rep += ["| one letter, cold process | wall | ÷ zhauap | CPU | ÷ zhauap | peak memory | ÷ zhauap | PDF size | pages |",
            "|---|---|---|---|---|---|---|---|---|"]
    for k in cold:
        w, c, m = (med([t[i] for t in cold_t[k]]) for i in range(3))
        pdf = os.path.join(src, outputs[k])
        rep.append(f"| {k} | {fmt_ms(w)} | {ratio(w, z_w)} | {fmt_ms(c)} | {ratio(c, z_c)} | "
                   f"{m / 1024:.1f} MiB | {ratio(m, z_m)} | {os.path.getsize(pdf) / 1024:.0f} KiB | {pages(pdf)} |")
    rep += ["", "| batch | letters | wall a letter | ÷ zhauap | CPU a letter | ÷ zhauap | peak memory |",
            "|---|---|---|---|---|---|---|"]
    zn = batch["zhauap batch"][0]
    zb_w = med([t[0] for t in batch_t["zhauap batch"]]) / zn
    zb_c = med([t[1] for t in batch_t["zhauap batch"]]) / zn
    for k, (n, _) in batch.items():
        w = med([t[0] for t in batch_t[k]]) / n
        c = med([t[1] for t in batch_t[k]]) / n
        m = max(t[2] for t in batch_t[k])
        rep.append(f"| {k} | {n} | {fmt_ms(w)} | {ratio(w, zb_w)} | {fmt_ms(c)} | {ratio(c, zb_c)} | {m / 1024:.1f} MiB |")
    rep.append("")
    rep.append("zhauap batch runs on every core; the peers run one letter at a time, as their "
               "tools do" + (", but for Typst's bundle mode, which lays out and exports the letters of "
                             "its one compile in parallel" if a.typst_cli else "")
               + " (CPU a letter compares the work done).")
    if bundle_note:
        rep.append(bundle_note)
    if not a.typst_cli:
        rep.append("The Typst CLI (and so its bundle mode) was not installed: `benches/peers.sh --typst-cli` "
                   "builds it (`cargo install typst-cli --locked`, long on 2 cores).")
    rep.append("")

    # ---------------------------------------------------------------- typography
    if typo2:
        rep += typography(Z, W, letters, typo2)
    else:
        rep.append("(typography not measured: typo2.py not found)")
    out = "\n".join(rep) + "\n"
    with open(os.path.join(W, "report.md"), "w", encoding="utf-8") as f:
        f.write(out)
    print(out)


ENGINES = [("zhauap", "zhauap"), ("XeLaTeX", "xelatex"), ("XeLaTeX + emergencystretch", "xelatex-es"),
           ("Typst", "typst")]


def typography(Z, W, letters, typo2):
    log(f"== typography: {len(letters)} letters, typo2.py")
    d = os.path.join(W, "typo")
    os.makedirs(d)
    import typst
    res = {}
    for letter in letters:
        name = write_sources(letter, d)
        pdf = {e: os.path.join(d, f"{name}.{e}.pdf") for _, e in ENGINES}
        run([Z, "render", letter, "-o", pdf["zhauap"], "-q"])
        for e, tex in (("xelatex", name + ".tex"), ("xelatex-es", name + "-es.tex")):
            run(["xelatex", "-interaction=batchmode", "-halt-on-error", tex], cwd=d)
            os.replace(os.path.join(d, tex[:-4] + ".pdf"), pdf[e])
        typst.compile(os.path.join(d, name + ".typ"), output=pdf["typst"], font_paths=[FONTS],
                      ignore_system_fonts=True)
        for _, e in ENGINES:
            r = json.loads(subprocess.run([sys.executable, typo2, pdf[e]], capture_output=True, text=True,
                                          check=True).stdout)
            r.pop("details", None)
            r["words_differ"] = int(subprocess.run(
                [sys.executable, os.path.join(HERE, "words.py"), pdf["zhauap"], pdf[e]],
                capture_output=True, text=True, check=True).stdout)
            res[(name, e)] = r
        log(f"   {name}")
    with open(os.path.join(W, "typo.json"), "w", encoding="utf-8") as f:
        json.dump({f"{n}|{e}": v for (n, e), v in res.items()}, f, ensure_ascii=False, indent=1)
    return typography_tables(res)


def typography_tables(res):
    """The typography tables from typo2.py's figures, keyed (letter, engine)."""
    names = []
    for n, _ in res:
        if n not in names:
            names.append(n)
    rep = ["### Typography, letter by letter (typo2.py)", "",
           "Word gap 95th percentile with letter-spacing counted back (`equiv_gap_p95`, ratio to the "
           "natural space) / loose lines (mean gap > 1.6) / pages / lines into the margin. "
           "Same page, font, text and head layout in every engine; XeLaTeX with LaTeX's defaults, and "
           "with `\\emergencystretch=3em` (what a careful user adds so that no line runs into the margin); "
           "Typst with `overhang: false` (its default hangs the line-end hyphen into the margin, which "
           "the ruler reads as an overfull line). Kazakh letters: neither peer has Kazakh patterns, "
           "both are given the Russian ones.", "",
           "| letter | " + " | ".join(t for t, _ in ENGINES) + " |",
           "|---|" + "---|" * len(ENGINES)]
    for n in names:
        cells = []
        for _, e in ENGINES:
            r = res[(n, e)]
            cells.append(f"{r['equiv_gap_p95']} / {r['equiv_loose_lines']} / {r['pages']} / {r['overfull_lines']}")
        rep.append(f"| {n} | " + " | ".join(cells) + " |")
    rep += ["", "Hyphenated lines / longest run of them / widest letter-spacing (em):", "",
            "| letter | " + " | ".join(t for t, _ in ENGINES) + " |", "|---|" + "---|" * len(ENGINES)]
    for n in names:
        rep.append(f"| {n} | " + " | ".join(
            "{hyphenated_lines} / {max_hyphen_run} / {tracking_max_em}".format(**res[(n, e)]) for _, e in ENGINES) + " |")
    rep += ["", "| all letters | " + " | ".join(t for t, _ in ENGINES) + " |", "|---|" + "---|" * len(ENGINES)]

    def row(label, f):
        rep.append(f"| {label} | " + " | ".join(f([res[(n, e)] for n in names]) for _, e in ENGINES) + " |")

    row("pages in all", lambda rs: str(sum(r["pages"] for r in rs)))
    row("letters on more pages than XeLaTeX's", lambda rs: str(sum(
        r["pages"] > res[(n, "xelatex")]["pages"] for n, r in zip(names, rs))))
    row("word gap p95, range over letters", lambda rs: f"{min(r['equiv_gap_p95'] for r in rs)}–{max(r['equiv_gap_p95'] for r in rs)}")
    row("letters whose p95 is above XeLaTeX's (defaults / + emergencystretch)", lambda rs: "{} / {}".format(
        sum(r["equiv_gap_p95"] > res[(n, "xelatex")]["equiv_gap_p95"] for n, r in zip(names, rs)),
        sum(r["equiv_gap_p95"] > res[(n, "xelatex-es")]["equiv_gap_p95"] for n, r in zip(names, rs))))
    row("loose lines", lambda rs: str(sum(r["equiv_loose_lines"] for r in rs)))
    row("lines into the margin", lambda rs: str(sum(r["overfull_lines"] for r in rs)))
    row("underfull justified lines", lambda rs: str(sum(r["underfull_lines"] for r in rs)))
    row("widest letter-spacing (em)", lambda rs: str(max(r["tracking_max_em"] for r in rs)))
    row("lines letter-spaced ≥ 0.02 em", lambda rs: str(sum(r["tracked_lines_002"] for r in rs)))
    row("hyphenated lines / longest run", lambda rs: f"{sum(r['hyphenated_lines'] for r in rs)} / {max(r['max_hyphen_run'] for r in rs)}")
    row("words broken across pages", lambda rs: str(sum(r["page_end_hyphens"] for r in rs)))
    row("stacked wide gaps (river proxy)", lambda rs: str(sum(r["wide_gap_stacks"] for r in rs)))
    row("words split in copied text", lambda rs: str(sum(r["split_words_in_text"] for r in rs)))
    row("words that differ from zhauap's text", lambda rs: str(sum(r["words_differ"] for r in rs)))
    rep.append("")
    rep.append("Words that differ: a long address or hashtag that an engine lets run off the page "
               "(urls-hashtags, long-words); otherwise every engine set the same words.")
    return rep


if __name__ == "__main__":
    main()
