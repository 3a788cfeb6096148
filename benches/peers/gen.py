#!/usr/bin/env python3
"""Writes a letter YAML as a Typst (.typ) and a XeLaTeX (.tex) source, so that
zhauap can be measured against its peers on the same letter.

usage: gen.py LETTER.yaml OUTDIR [FONTS_DIR_FOR_XELATEX]

Both sources set what zhauap sets (see docs/layout.md and the templates in
templates/deputy-reply/): A4, margins 30/15/20/20 mm, Liberation Serif 14 pt
on a 16.1 pt line pitch, justified paragraphs with a 12.5 mm first-line indent
and no space between them, Russian hyphenation; the bilingual letterhead
(11.5 pt bold capitals, emblem space in the middle), the contacts line (8.5 pt),
the outgoing number and the inquiry reference (12 pt) at the left, the
addressee at 120 mm from the page's left edge, the heading, the centred
salutation, numbered answer items, tables (12 pt, thin rules, header bold and
repeated), the attachment mark, the copies list, the signature (position at
the left, name flush right) and the executor mark (10 pt) at the foot of the
last page, page numbers from page 2 on.

The words are those zhauap prints: the labels are the ones of
templates/deputy-reply/{ru,kk}.tera and the text goes through the same
typographic pass (quotes, spaced dashes, non-breaking spaces; a port of
src/typography.rs), so every engine breaks the same words. Same input, same
bytes.

Not reproduced: the emblem image (both peers keep its 68 pt square empty),
the draft mark, the QR requisite. Kazakh: neither TeX Live nor Typst has
Kazakh hyphenation patterns; both peers are given the Russian ones, as a user
would have to (Kazakh letters hyphenate only where the Russian patterns match).
"""
import datetime
import os
import re
import sys

import yaml

NBSP = "\u00a0"
INDENT_MM = 12.5
PITCH = 16.1  # 14 pt x 1.15
EMBLEM_PT = 68.031

LABELS = {
    "ru": {
        "attach": "Приложение:",
        "copies": "Копия:",
        "exec": "Исп.:",
        "phone": "Тел.",
    },
    "kk": {
        "attach": "Қосымша:",
        "copies": "Көшірмесі:",
        "exec": "Орынд.:",
        "phone": "Тел.:",
    },
}
KK_MONTHS = ["қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
             "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"]


# --------------------------------------------------------------------------
# The letter: defaults merged, every printed word decided
# --------------------------------------------------------------------------

def merge(base, over):
    """The letter's own fields win, mapping by mapping; lists are replaced."""
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out


def load(path, depth=0):
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    if "defaults" in data and depth < 8:
        base = load(os.path.join(os.path.dirname(path), data.pop("defaults")), depth + 1)
        data = merge(base, data)
    return data


def as_date(v):
    if isinstance(v, datetime.date):
        return v
    return datetime.date.fromisoformat(str(v))


def numeric(d):
    return d.strftime("%d.%m.%Y")


def lines_of(v):
    if v is None:
        return []
    if isinstance(v, list):
        return [str(x) for x in v]
    return [l for l in str(v).rstrip("\n").split("\n")]


def fold(s):
    """Folded YAML text: any run of whitespace is one space."""
    return re.sub(r"\s+", " ", str(s)).strip()


def letter_blocks(L):
    """The letter as a list of (kind, payload) in print order."""
    lang = L.get("lang", "ru")
    lab = LABELS[lang]
    out = {}
    lh = L.get("letterhead")
    out["letterhead"] = lh
    og = L.get("outgoing") or {}
    num = f"№ {og['number']}" if og.get("number") else "№ ______________"
    if og.get("date"):
        date = numeric(as_date(og["date"])) + (" ж." if lang == "kk" else "")
    else:
        date = "«____» ____________ 20___ " + ("ж." if lang == "kk" else "г.")
    out["outgoing"] = [num, date]
    inq = L["inquiry"]
    idate = as_date(inq["date"])
    if lang == "kk":
        out["reference"] = [f"{idate.year} жылғы {idate.day} {KK_MONTHS[idate.month - 1]}",
                            f"№ {inq['number']} сауалға"]
    else:
        out["reference"] = [f"На № {inq['number']}", f"от {numeric(idate)} года"]
    out["addressee"] = lines_of(L["addressee"])
    out["heading"] = fold(L["heading"]) if L.get("heading") else None
    out["salutation"] = fold(L["salutation"])
    subj = fold(inq["subject"]) if inq.get("subject") else None
    if L.get("opening"):
        opening = fold(L["opening"])
    elif lang == "kk":
        opening = (f"Депутаттық сауалыңызда көтерілген {subj} мәселесін қарап, мынаны хабарлаймын."
                   if subj else "Депутаттық сауалыңызды қарап, мынаны хабарлаймын.")
    else:
        opening = (f"Рассмотрев ваш депутатский запрос касательно {subj}, сообщаю следующее."
                   if subj else "Рассмотрев ваш депутатский запрос, сообщаю следующее.")
    text = [("para", opening)]
    for b in L["body"]:
        if isinstance(b, dict) and "items" in b:
            walk_items(b["items"], [], text)
        elif isinstance(b, dict) and "table" in b:
            text.append(("table", b["table"]))
        else:
            text.append(("para", fold(b)))
    if L.get("closing"):
        text.append(("para", fold(L["closing"])))
    out["text"] = text
    tail = []
    att = L.get("attachments") or []
    if att:
        if len(att) == 1:
            a = att[0]
            if lang == "kk":
                s = f"{lab['attach']} {a['name']}, {a['sheets']} парақта" + (f", {a['copies']} данада" if a.get("copies") else "") + "."
            else:
                s = f"{lab['attach']} {a['name']} на {a['sheets']} л." + (f" в {a['copies']} экз." if a.get("copies") else "")
            tail.append(("attach", [s]))
        else:
            ls = []
            for i, a in enumerate(att, 1):
                last = i == len(att)
                head = f"{lab['attach']} " if i == 1 else ""
                if lang == "kk":
                    s = f"{head}{i}. {a['name']}, {a['sheets']} парақта" + (f", {a['copies']} данада" if a.get("copies") else "") + ("." if last else ";")
                else:
                    s = f"{head}{i}. {a['name']} на {a['sheets']} л." + (f" в {a['copies']} экз." if a.get("copies") else "") + ("" if last else ";")
                ls.append(s)
            tail.append(("attach", ls))
    if L.get("copies"):
        tail.append(("copies", [lab["copies"]] + [str(c) for c in L["copies"]]))
    out["tail"] = tail
    sigs = L["signature"]
    sigs = sigs if isinstance(sigs, list) else [sigs]
    out["signatures"] = []
    for s in sigs:
        pos = lines_of(s.get("position"))
        if s.get("acting") and pos:
            if lang == "kk":
                pos[-1] = pos[-1] + " м.а."
            else:
                pos[0] = "И.о. " + pos[0]
        out["signatures"].append((pos, str(s["name"])))
    ex = L.get("executor") or {}
    exl = []
    if ex.get("name"):
        exl.append(f"{lab['exec']} {ex['name']}")
    if ex.get("phone"):
        exl.append(f"{lab['phone']} {ex['phone']}")
    out["executor"] = exl
    out["lang"] = lang
    return out


def walk_items(items, prefix, text):
    for i, it in enumerate(items, 1):
        num = prefix + [i]
        label = ".".join(map(str, num)) + "."
        if isinstance(it, dict):
            paras = [fold(p) for p in it.get("paragraphs", [])] or ([fold(it["text"])] if "text" in it else [])
            for k, p in enumerate(paras):
                text.append(("item", (len(num), label if k == 0 else None, p)))
            if it.get("items"):
                walk_items(it["items"], num, text)
        else:
            text.append(("item", (len(num), label, fold(it))))


# --------------------------------------------------------------------------
# The typographic pass of src/typography.rs, ported
# --------------------------------------------------------------------------

QUOTES = '"«»„“”'


def is_letter(c):
    return c.isalpha()


def strip_leading(t):
    i = 0
    while i < len(t) and (t[i] in QUOTES or t[i] in "(["):
        i += 1
    return t[i:]


def strip_trailing(t):
    j = len(t)
    while j > 0 and (t[j - 1] in QUOTES or t[j - 1] in ",;:!?)]"):
        j -= 1
    return t[:j]


def url_like(t):
    lo = t.lower()
    return "://" in lo or "www." in lo or re.search(r"\w@.*\.\w", t) is not None


def is_initials(t):
    return len(t) > 0 and len(t) % 2 == 0 and all(t[i].isupper() and t[i + 1] == "." for i in range(0, len(t), 2))


def is_cap_word(t):
    return len(t) >= 2 and t[0].isupper() and is_letter(t[-1]) and all(is_letter(c) or c == "-" for c in t)


def is_lower_abbr(t):
    return len(t) == 2 and t[0].islower() and t[1] == "."


def is_number(t):
    return bool(t) and t[0].isdigit() and t[-1].isdigit() and all(c.isdigit() or c in ".,/-" for c in t)


def is_word(t):
    t = strip_leading(t)
    if t.startswith("#"):
        t = t[1:]
    return bool(t) and (t[0].isalnum() or t[0] == "№")


def binds(a, b, before, a_url, b_url):
    if len(b) == 1 and b in "–—":
        return True
    if a_url or b_url:
        return False
    a = strip_leading(a)
    bc = strip_trailing(b)
    if a and all(c == "№" for c in a):
        return True
    if is_initials(a) and b[:1].isupper():
        return True
    if is_cap_word(a) and is_initials(bc):
        return True
    if is_number(a) and b and (is_letter(b[0]) or b[0] in "₸₽$€%‰"):
        return True
    if 1 <= len(a) <= 3 and a.isdigit() and len(bc) == 3 and bc.isdigit():
        return True
    if 1 <= len(a) <= 2 and all(is_letter(c) for c in a) and is_word(b):
        return True
    if is_lower_abbr(a):
        if is_lower_abbr(bc):
            return True
        if is_word(b):
            suffix = before is not None and (is_lower_abbr(strip_leading(before)) or is_number(strip_leading(before)))
            return not (suffix and strip_leading(b)[:1].isupper())
    return False


def typography(s):
    # quotes
    out, depth = [], 0
    for i, c in enumerate(s):
        prev = out[-1] if out else None
        nxt = s[i + 1] if i + 1 < len(s) else None
        opening_pos = prev is None or prev.isspace() or prev in "([«„-–—"
        if c in "«„":
            depth += 1
        elif c in "»”":
            depth = max(0, depth - 1)
        elif c == "“":
            depth = depth + 1 if opening_pos else max(0, depth - 1)
        elif c == '"':
            gap = nxt is None or nxt.isspace()
            opens = (not (depth > 0 and gap)) if opening_pos else (depth == 0 and nxt is not None and nxt.isalnum())
            if opens:
                c = "«" if depth == 0 else "„"
                depth += 1
            else:
                c = "“" if depth >= 2 else "»"
                depth = max(0, depth - 1)
        out.append(c)
    s = "".join(out)
    # spaced hyphens
    s = re.sub(r"(?<=\S)([ \u00a0])-(?=[ \u00a0]\S)", "\\1—", s)
    # non-breaking spaces
    toks = [(m.start(), m.end()) for m in re.finditer(r"\S+", s)]
    chars = list(s)
    for k in range(len(toks) - 1):
        (a0, a1), (b0, b1) = toks[k], toks[k + 1]
        if b0 != a1 + 1 or s[a1] != " ":
            continue
        before = None
        if k > 0 and toks[k - 1][1] + 1 == a0:
            before = s[toks[k - 1][0]:toks[k - 1][1]]
        a, b = s[a0:a1], s[b0:b1]
        if binds(a, b, before, url_like(a), url_like(b)):
            chars[a1] = NBSP
    return "".join(chars)


def runs(text):
    """(style, text) runs of **bold** and *italic*, after the typographic pass."""
    text = typography(text)
    out = []
    for m in re.finditer(r"\*\*(.+?)\*\*|\*(.+?)\*|([^*]+|\*)", text):
        if m.group(1) is not None:
            out.append(("b", m.group(1)))
        elif m.group(2) is not None:
            out.append(("i", m.group(2)))
        else:
            out.append(("", m.group(3)))
    return out


# --------------------------------------------------------------------------
# Typst
# --------------------------------------------------------------------------

def ts(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typ_runs(text, typo=True):
    rs = runs(text) if typo else [("", text)]
    parts = []
    for st, t in rs:
        if st == "b":
            parts.append(f"#strong({ts(t)})")
        elif st == "i":
            parts.append(f"#emph({ts(t)})")
        else:
            parts.append(f"#{ts(t)}")
    return "".join(parts)


def typ_lines(lines):
    return " \\\n".join(f"#{ts(l)}" for l in lines)


def to_typst(B):
    o = []
    w = o.append
    w("// Generated by benches/peers/gen.py from the letter YAML; do not edit.")
    w("// typst compile --font-path fonts --ignore-system-fonts NAME.typ (fonts: the repository's)")
    w('#set page(paper: "a4", margin: (left: 30mm, right: 15mm, top: 20mm, bottom: 20mm),')
    w('  header-ascent: 5mm,')
    w('  header: context { let n = counter(page).get().first(); if n > 1 { align(center, text(size: 12pt, top-edge: "cap-height")[#n]) } })')
    # Russian patterns for Kazakh too: Typst has none for Kazakh.
    # overhang: false keeps the line-end hyphen inside the text column (Typst's
    # default hangs it into the margin, where the ruler, typo2.py, would count
    # the line as overfull and leave its gaps out).
    w('#set text(font: "Liberation Serif", size: 14pt, lang: "ru", hyphenate: true, overhang: false, top-edge: 0.82em, bottom-edge: -0.33em)')
    w(f"#set par(justify: true, first-line-indent: (amount: {INDENT_MM}mm, all: true), leading: {PITCH - 14 * 1.15:.3f}pt, spacing: {PITCH - 14 * 1.15:.3f}pt)")
    w("#let small(size, pitch, body) = { set text(size: size, top-edge: 0.82em, bottom-edge: -0.33em); set par(leading: pitch - size * 1.15, spacing: pitch - size * 1.15, justify: false, first-line-indent: 0pt); body }")
    w("#let plain(body) = par(first-line-indent: 0pt, justify: false, body)")
    lh = B["letterhead"]
    if lh:
        w("#grid(columns: (1fr, %.3fpt, 1fr), column-gutter: 12pt," % EMBLEM_PT)
        w(f"  small(11.5pt, 13.225pt, align(center, text(hyphenate: false, strong(upper({ts(lh.get('kk', ''))}))))),")
        w(f"  box(width: {EMBLEM_PT}pt, height: {EMBLEM_PT if lh.get('emblem') else 0}pt),")
        w(f"  small(11.5pt, 13.225pt, align(center, text(hyphenate: false, strong(upper({ts(lh.get('ru', ''))}))))))")
        w("#v(2pt)")
        w("#line(length: 100%, stroke: 0.75pt)")
        contacts = lh.get("contacts_kk") or lh.get("contacts_ru")
        if contacts:
            w("#v(4.1pt)")
            w(f"#small(8.5pt, 9.775pt, grid(columns: (1fr, 1fr), align(left, {ts(lh.get('contacts_kk', ''))}), align(right, {ts(lh.get('contacts_ru', ''))})))")
        w(f"#v({17.1 if contacts else 21.2}pt)")
    # outgoing + reference (left, 12 pt) beside the addressee (right, 14 pt)
    left = "#small(12pt, 13.8pt)[%s]\n#v(6.9pt, weak: false)\n#small(12pt, 13.8pt)[%s]" % (
        typ_lines(B["outgoing"]), typ_lines(B["reference"]))
    w("#grid(columns: (255.118pt, 1fr),")
    w(f"  [{left}],")
    w("  [#v(34.5pt)\n#plain[%s]])" % typ_lines([typography(l) for l in B["addressee"]]))
    if B["heading"]:
        w(f"#v({PITCH}pt)")
        w(f"#block(width: 90mm, text(hyphenate: false, plain[{typ_runs(B['heading'])}]))")
    # two blank lines before the salutation, one after a heading (as zhauap)
    w(f"#v({PITCH if B['heading'] else 2 * PITCH}pt)")
    w(f"#align(center, plain[{typ_runs(B['salutation'])}])")
    w(f"#v({PITCH}pt)")
    for kind, p in B["text"]:
        if kind == "para":
            w(f"#par[{typ_runs(p)}]")
        elif kind == "item":
            level, label, t = p
            lab = ".".join(["0"] * level) + "."  # the widest label of the level, for the hanging indent
            w("#context { let w = measure[%s].width + 0.25em; pad(left: %smm, par(first-line-indent: 0pt, hanging-indent: w)[%s%s]) }" % (
                lab, INDENT_MM, f"#box(width: w)[{label}]" if label else "#h(w)", typ_runs(t)))
        elif kind == "table":
            w(typ_table(p))
    for kind, ls in B["tail"]:
        w(f"#v({PITCH}pt)")
        w(f"#plain[{typ_lines([typography(l) for l in ls])}]")
    for pos, name in B["signatures"]:
        w(f"#v({2 * PITCH}pt)")
        w("#block(breakable: false, grid(columns: (1fr, auto), align: bottom, plain[%s], plain[%s]))" % (
            typ_lines(pos) if pos else "", f"#{ts(typography(name))}"))
    if B["executor"]:
        w("#v(1fr)")
        w(f"#small(10pt, 11.5pt, plain[{typ_lines(B['executor'])}])")
    return "\n\n".join(o) + "\n"


def table_shape(t):
    """Columns, their number, relative widths and alignments, with the
    letter format's defaults (equal widths, left)."""
    cols = t["columns"]
    n = len(cols)
    return cols, n, t.get("widths") or [1] * n, t.get("align") or ["left"] * n


def typ_table(t):
    cols, n, widths, align = table_shape(t)
    # a half line of white above and below the table, as zhauap
    o = ["#v(10pt)"]
    if t.get("caption"):
        o.append(f"#block(sticky: true, below: 0pt, small(12pt, 13.8pt, plain[#{ts(typography(t['caption']))}]))")
    o.append("#{ set text(size: 12pt); set par(first-line-indent: 0pt, leading: 2.7pt, spacing: 2.7pt)")
    o.append("table(columns: (%s), align: (%s), stroke: 0.5pt, inset: (x: 3pt, y: 1.7pt)," % (
        ", ".join(f"{x}fr" for x in widths), ", ".join(align)))
    o.append("  table.header(%s)," % ", ".join(f"align(center, strong({ts(str(c))}))" for c in cols))
    for r in t["rows"]:
        o.append("  " + ", ".join(f"[#{ts(typography(str(c)))}]" for c in r) + ",")
    if t.get("total"):
        o.append("  " + ", ".join(f"strong({ts(typography(str(c)))})" for c in t["total"]) + ",")
    o.append(")}")
    o.append("#v(10pt)")
    return "\n".join(o)


# --------------------------------------------------------------------------
# XeLaTeX
# --------------------------------------------------------------------------

TEX_ESC = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
           "^": r"\textasciicircum{}", "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}", NBSP: "~",
           "₸": r"{\tenge ₸}"}


def tx(s):
    return "".join(TEX_ESC.get(c, c) for c in s)


def tex_runs(text):
    parts = []
    for st, t in runs(text):
        if st == "b":
            parts.append(r"\textbf{" + tx(t) + "}")
        elif st == "i":
            parts.append(r"\textit{" + tx(t) + "}")
        else:
            parts.append(tx(t))
    return "".join(parts)


def tex_lines(lines):
    return r"\\".join(tx(l) for l in lines)


def to_tex(B, fonts, emergency=False):
    o = []
    w = o.append
    fonts = fonts.rstrip("/") + "/"
    w("% Generated by benches/peers/gen.py from the letter YAML; do not edit.")
    w("% xelatex NAME.tex (the fonts are read from the Path below)")
    w(r"\documentclass[a4paper]{article}")
    w(r"\usepackage[left=30mm,right=15mm,top=20mm,bottom=20mm,headheight=14pt,headsep=6mm]{geometry}")
    w(r"\usepackage{fontspec}")
    w(r"\usepackage{polyglossia}")
    # Russian patterns for Kazakh too: TeX Live has no Kazakh patterns.
    w(r"\setmainlanguage{russian}")
    w(r"\setmainfont{LiberationSerif}[Path=" + fonts + r", Extension=.ttf, UprightFont=*-Regular, BoldFont=*-Bold, ItalicFont=*-Italic, BoldItalicFont=*-BoldItalic]")
    w(r"\newfontfamily\tenge{DejaVuSerif}[Path=" + fonts + r", Extension=.ttf, Scale=MatchUppercase]")
    w(r"\usepackage{array,longtable}")
    w(r"\makeatletter")
    w(r"\def\ps@letter{\def\@oddhead{\hfil\ifnum\value{page}>1 \fontsize{12}{13.8}\selectfont\thepage\fi\hfil}\let\@evenhead\@oddhead\def\@oddfoot{}\let\@evenfoot\@oddfoot}")
    w(r"\makeatother")
    w(r"\pagestyle{letter}")
    w(r"\setlength{\parindent}{%smm}" % INDENT_MM)
    w(r"\setlength{\parskip}{0pt}")
    w(r"\setlength{\topskip}{12.8pt}")
    # The "-es" variant: what a careful user adds so that no line sticks
    # into the margin (TeX breaks a compound like «информационно-
    # разъяснительной» only at its hyphen, and never inside a hashtag).
    if emergency:
        w(r"\setlength{\emergencystretch}{3em}")
    w(r"\begin{document}")
    w(r"\fontsize{14}{%s}\selectfont" % PITCH)
    w(r"\setlength{\parindent}{%smm}" % INDENT_MM)
    # The vertical figures of the head (11.8 pt, 27.3 pt, the emblem's box less
    # 12.9 pt, +3.3 pt, +2.3 pt, +2.5 pt) put every head line and the first
    # body line within about 1 pt of zhauap's (measured with pdftotext -bbox
    # on the reference letter, kk-reply and v2/dz-517-reply); the Typst
    # figures above were set the same way.
    lh = B["letterhead"]
    if lh:
        em = EMBLEM_PT if lh.get("emblem") else 0
        w(r"\noindent\begin{minipage}[t]{\dimexpr(\textwidth-%.3fpt-24pt)/2\relax}\centering\fontsize{11.5}{13.225}\selectfont\bfseries %s\end{minipage}%%" % (EMBLEM_PT, tx(lh.get("kk", "").upper())))
        w(r"\hspace{12pt}\begin{minipage}[t]{%.3fpt}\vspace{0pt}\rule{0pt}{%.3fpt}\end{minipage}\hspace{12pt}%%" % (EMBLEM_PT, em - 12.9 if em else 0))
        w(r"\begin{minipage}[t]{\dimexpr(\textwidth-%.3fpt-24pt)/2\relax}\centering\fontsize{11.5}{13.225}\selectfont\bfseries %s\end{minipage}\par" % (EMBLEM_PT, tx(lh.get("ru", "").upper())))
        w(r"\vspace{4pt}\noindent\rule{\textwidth}{0.75pt}\par")
        if lh.get("contacts_kk") or lh.get("contacts_ru"):
            w(r"{\noindent\fontsize{8.5}{9.775}\selectfont %s\hfill %s\par}" % (tx(lh.get("contacts_kk", "")), tx(lh.get("contacts_ru", ""))))
        w(r"\vspace{11.8pt}")
    w(r"\noindent\begin{minipage}[t]{255.118pt}\fontsize{12}{13.8}\selectfont %s\\[6.9pt]%s\end{minipage}%%" % (
        tex_lines(B["outgoing"]), tex_lines(B["reference"])))
    w(r"\begin{minipage}[t]{\dimexpr\textwidth-255.118pt\relax}\vspace{27.3pt}\raggedright %s\end{minipage}\par" % tex_lines([typography(l) for l in B["addressee"]]))
    if B["heading"]:
        w(r"\vspace{%.1fpt}" % (PITCH + 2.3))
        w(r"{\noindent\begin{minipage}[t]{90mm}\raggedright\hyphenpenalty=10000 %s\end{minipage}\par}" % tex_runs(B["heading"]))
    w(r"\vspace{%.1fpt}" % ((PITCH if B["heading"] else 2 * PITCH) + 3.3))
    w(r"{\centering %s\par}" % tex_runs(B["salutation"]))
    w(r"\vspace{%spt}" % PITCH)
    for kind, p in B["text"]:
        if kind == "para":
            w(tex_runs(p) + "\n")
        elif kind == "item":
            level, label, t = p
            lab = ".".join(["0"] * level) + "."
            w(r"{\settowidth{\dimen0}{%s\ }\leftskip=\dimexpr%smm+\dimen0\relax\noindent\hspace*{-\dimen0}%s%s\par}" % (
                lab, INDENT_MM, (r"\makebox[\dimen0][l]{%s}" % label) if label else "", tex_runs(t)))
        elif kind == "table":
            w(tex_table(p))
    for kind, ls in B["tail"]:
        w(r"\vspace{%spt}" % PITCH)
        w(r"{\noindent\raggedright %s\par}" % tex_lines([typography(l) for l in ls]))
    for pos, name in B["signatures"]:
        w(r"\vspace{%.1fpt}" % (2 * PITCH + 2.5))
        w(r"{\noindent\begin{minipage}[b]{\textwidth}\raggedright %s\hfill %s\end{minipage}\par}" % (
            tex_lines(pos) if pos else "", tx(typography(name))))
    if B["executor"]:
        w(r"\vspace*{\fill}")
        w(r"{\noindent\fontsize{10}{11.5}\selectfont %s\par}" % tex_lines(B["executor"]))
    w(r"\end{document}")
    return "\n".join(o) + "\n"


def tex_table(t):
    cols, n, widths, align = table_shape(t)
    tot = sum(widths)
    spec = "|".join(
        (r">{\raggedleft\arraybackslash}" if a == "right" else r">{\centering\arraybackslash}" if a == "center" else r">{\raggedright\arraybackslash}")
        + r"p{\dimexpr%.4f\textwidth-6pt-0.5pt\relax}" % (w / tot) for w, a in zip(widths, align))
    o = [r"{\fontsize{12}{13.8}\selectfont\setlength{\tabcolsep}{3pt}\setlength{\LTpre}{9.7pt}\setlength{\LTpost}{9.7pt}\arrayrulewidth=0.5pt\renewcommand\arraystretch{1.2175}"]
    o.append(r"\begin{longtable}{|%s|}" % spec)
    if t.get("caption"):
        o.append(r"\multicolumn{%d}{@{}l@{}}{%s}\\[-1.8pt]" % (n, tx(typography(t["caption"]))))
    head = r"\hline " + " & ".join(r"\centering\arraybackslash\textbf{%s}" % tx(str(c)) for c in cols) + r"\\ \hline"
    o.append(head + r" \endfirsthead")
    o.append(head + r" \endhead")
    for r in t["rows"]:
        o.append(" & ".join(tx(typography(str(c))) for c in r) + r"\\ \hline")
    if t.get("total"):
        o.append(" & ".join(r"\textbf{%s}" % tx(typography(str(c))) for c in t["total"]) + r"\\ \hline")
    o.append(r"\end{longtable}\par}")
    return "\n".join(o)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    src, out = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    # Typst is given the fonts folder by its caller; XeLaTeX reads it from the
    # source, as given here (relative to where xelatex runs) or absolute.
    fonts = sys.argv[3] if len(sys.argv) > 3 else os.path.abspath(os.path.join(here, "..", "..", "fonts"))
    B = letter_blocks(load(src))
    name = os.path.splitext(os.path.basename(src))[0]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, name + ".typ"), "w", encoding="utf-8") as f:
        f.write(to_typst(B))
    with open(os.path.join(out, name + ".tex"), "w", encoding="utf-8") as f:
        f.write(to_tex(B, fonts))
    with open(os.path.join(out, name + "-es.tex"), "w", encoding="utf-8") as f:
        f.write(to_tex(B, fonts, emergency=True))
    print(name)


if __name__ == "__main__":
    main()
