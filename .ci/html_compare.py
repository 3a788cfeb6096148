#!/usr/bin/env python3
"""Compares Chromium's rendering of zhauap's HTML preview with zhauap's PDF.

  html_compare.py lines OURS.pdf CHROMIUM.pdf [--min-identical=0.98]
      Same page count, and at least the given share of text lines identical
      (pdftotext -layout, page by page, whitespace collapsed; see as_drawn for
      words broken without a hyphen).

  html_compare.py positions OURS.pdf CHROMIUM.pdf [--tolerance=0.1]
      Every baseline of each page (from the text-showing operators of the
      content streams, via qpdf) and where its text starts, within the
      tolerance in points, both ways.

  html_compare.py image SCREENSHOT.png REFERENCE.png [--max-mismatch=0.002]
      The screenshot of the preview's page 1 (found on the grey desk around
      it) against pdftoppm's page 1 at the same resolution: the ink must not
      differ in few squares of pixels (allowing for the browser's snapping of
      glyphs to whole pixels).

Standard library only (PNG decoding with zlib), so CI needs nothing else.
Exits 1 with a message saying what differs.
"""

import difflib
import re
import struct
import subprocess
import sys
import zlib


def fail(msg):
    print(f"FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------- lines


def page_count(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    if not m:
        fail(f"pdfinfo gives no page count for {pdf}")
    return int(m.group(1))


def page_lines(pdf, page):
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-"],
        capture_output=True, text=True, check=True,
    ).stdout
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [line for line in lines if line]


def breaks_inside_words(ours, theirs):
    """Whether two runs of lines hold the same characters, the print breaking
    its lines only inside words that our PDF's text keeps whole.

    Our PDF copies a word broken at a line end without a hyphen (a URL, a
    long hashtag, `интернет-|ресурсов`) whole on its first line: the text of
    its rest is carried there, and the rest drawn on the next line copies as
    nothing. A browser's print has each part on the line that draws it. The
    characters are the same and the print's extra line ends fall inside
    words; a line broken elsewhere (a word moved whole to another line)
    breaks at a space and does not pass."""
    def letters_and_breaks(lines):
        chars, breaks, spaces = [], set(), set()
        for line in lines:
            for c in line:
                if c == " ":
                    spaces.add(len(chars))
                else:
                    chars.append(c)
            breaks.add(len(chars))
        return "".join(chars), breaks, spaces | breaks

    a, a_breaks, a_gaps = letters_and_breaks(ours)
    b, b_breaks, _ = letters_and_breaks(theirs)
    return a == b and all(at not in a_gaps for at in b_breaks - a_breaks)


def compare_lines(ours, theirs, min_identical):
    n_ours, n_theirs = page_count(ours), page_count(theirs)
    print(f"pages: PDF {n_ours}, Chromium print {n_theirs}")
    if n_ours != n_theirs:
        fail(f"page counts differ: {ours} has {n_ours}, {theirs} has {n_theirs}")
    same = total = carried = 0
    for page in range(1, n_ours + 1):
        a, b = page_lines(ours, page), page_lines(theirs, page)
        matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            lines = max(i2 - i1, j2 - j1)
            total += lines
            if tag == "equal":
                same += lines
            elif tag == "replace" and breaks_inside_words(a[i1:i2], b[j1:j2]):
                same += lines
                carried += lines
            else:
                for line in a[i1:i2]:
                    print(f"  page {page} PDF only:      {line}")
                for line in b[j1:j2]:
                    print(f"  page {page} Chromium only: {line}")
    share = same / total if total else 1.0
    print(f"lines: {same} of {total} identical ({share:.2%})"
          + (f", {carried} after moving the carried rest of a broken word to the line that draws it"
             if carried else ""))
    if total == 0:
        fail("no text lines at all")
    if share < min_identical:
        fail(f"only {share:.2%} of lines identical; at least {min_identical:.0%} required")


# ---------------------------------------------------------------- positions

NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)")
TOKEN = re.compile(
    r"\[(?:\\.|\((?:\\.|[^\\)])*\)|[^\]])*\]"  # arrays, strings inside may hold ]
    r"|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|/[^\s/\[\]<>()]+"
    r"|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+"
)


def product(m, n):
    """The matrix m followed by n, as PDF's [a b c d e f]."""
    return [
        m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def page_contents(pdf):
    """Each page's content streams, uncompressed, via qpdf's QDF form."""
    qdf = subprocess.run(
        ["qpdf", "--qdf", "--object-streams=disable", pdf, "-"],
        capture_output=True, check=True,
    ).stdout
    pages = {}
    for m in re.finditer(rb"%% Contents for page (\d+)\n.*?\nstream\r?\n(.*?)endstream", qdf, re.S):
        pages.setdefault(int(m.group(1)), []).append(m.group(2).decode("latin-1"))
    return [" ".join(pages[k]) for k in sorted(pages)]


def page_heights(pdf, count):
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", str(count), "-box", pdf],
                         capture_output=True, text=True, check=True).stdout
    return [float(m.group(1)) for m in
            re.finditer(r"^Page\s+\d+\s+MediaBox:\s+\S+\s+\S+\s+\S+\s+(\S+)", out, re.M)]


def text_origins(content):
    """The points where text is shown (Tj, TJ, ', "), in default user space.
    Enough of the content-stream language for what Skia and krilla write."""
    ctm, saved, args = [1, 0, 0, 1, 0, 0], [], []
    tm = line = [1, 0, 0, 1, 0, 0]
    leading = 0.0
    found = []
    for token in TOKEN.findall(content):
        if NUMBER.fullmatch(token):
            args.append(float(token))
            continue
        if token[0] in "[<(/":
            args.append(token)
            continue
        op = token
        if op == "q":
            saved.append(ctm)
        elif op == "Q" and saved:
            ctm = saved.pop()
        elif op == "cm":
            ctm = product(args[-6:], ctm)
        elif op == "BT":
            tm = line = [1, 0, 0, 1, 0, 0]
        elif op == "Tm":
            tm = line = list(args[-6:])
        elif op in ("Td", "TD"):
            if op == "TD":
                leading = -args[-1]
            tm = line = product([1, 0, 0, 1, args[-2], args[-1]], line)
        elif op == "TL":
            leading = args[-1]
        elif op in ("T*", "'", '"'):
            tm = line = product([1, 0, 0, 1, 0, -leading], line)
        if op in ("Tj", "TJ", "'", '"'):
            m = product(tm, ctm)
            found.append((m[4], m[5]))
        args = []
    return found


def lines_of(origins, height):
    """Baselines (in points from the top of the page, origins less than a
    tenth of a point apart being one) and where each one's text starts."""
    lines = []
    for y, x in sorted((height - y, x) for x, y in origins):
        if lines and y - lines[-1][0] < 0.1:
            lines[-1] = (lines[-1][0], min(lines[-1][1], x))
        else:
            lines.append((y, x))
    return lines


def compare_positions(ours, theirs, tolerance):
    count = page_count(ours)
    if page_count(theirs) != count:
        fail("page counts differ")
    heights_ours, heights_theirs = page_heights(ours, count), page_heights(theirs, count)
    contents_ours, contents_theirs = page_contents(ours), page_contents(theirs)
    worst_y = worst_x = 0.0
    problems = []
    for page in range(count):
        a = lines_of(text_origins(contents_ours[page]), heights_ours[page])
        b = lines_of(text_origins(contents_theirs[page]), heights_theirs[page])
        if not a:
            fail(f"no text found in page {page + 1} of {ours}")
        for y, x in a:
            near = min(b, key=lambda line: abs(line[0] - y), default=None)
            if near is None or abs(near[0] - y) > tolerance:
                problems.append(f"page {page + 1}: no line of the print at {y:.2f} pt from the top")
                continue
            worst_y, worst_x = max(worst_y, abs(near[0] - y)), max(worst_x, abs(near[1] - x))
            if abs(near[1] - x) > tolerance:
                problems.append(f"page {page + 1}: the line at {y:.2f} pt starts at {near[1]:.2f} pt, "
                                f"not {x:.2f} pt")
        for y, _ in b:
            if all(abs(y - line[0]) > tolerance for line in a):
                problems.append(f"page {page + 1}: the print has a line at {y:.2f} pt the PDF has not")
    print(f"positions: baselines within {worst_y:.3f} pt, line starts within {worst_x:.3f} pt")
    for problem in problems[:20]:
        print(f"  {problem}")
    if problems:
        fail(f"{len(problems)} lines are not where the PDF has them (tolerance {tolerance} pt)")


# ---------------------------------------------------------------- images


def read_png(path):
    """Returns (width, height, rows of grey levels 0..255)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        fail(f"{path}: only 8-bit, non-interlaced grey/RGB(A) PNGs are read")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        unfilter(kind, line, prev, channels)
        rows.append(grey(line, channels))
        prev = line
    return width, height, rows


def unfilter(kind, line, prev, bpp):
    n = len(line)
    if kind == 1:
        for i in range(bpp, n):
            line[i] = (line[i] + line[i - bpp]) & 255
    elif kind == 2:
        for i in range(n):
            line[i] = (line[i] + prev[i]) & 255
    elif kind == 3:
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
    elif kind == 4:
        for i in range(n):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + pred) & 255


def grey(line, channels):
    if channels <= 2:
        return list(line[::channels])
    r, g, b = line[0::channels], line[1::channels], line[2::channels]
    return [(299 * x + 587 * y + 114 * z) // 1000 for x, y, z in zip(r, g, b)]


def find_page(width, height, rows, page_w, page_h):
    """The top-left corner of the white sheet on the grey desk."""
    for y in range(height):
        row = rows[y]
        white = sum(1 for v in row if v >= 250)
        if white >= 0.9 * min(width, page_w):
            left = next(x for x, v in enumerate(row) if v >= 250)
            if y + page_h > height + 1 or left + page_w > width + 1:
                fail(f"the screenshot ({width}x{height}) does not hold the whole page "
                     f"({page_w}x{page_h}) from ({left},{y})")
            return left, y
    fail("no white page in the screenshot")


def integral(rows, left, top, w, h):
    """Summed-area table of the w x h window at (left, top): sums of any
    rectangle in constant time."""
    table = [[0] * (w + 1)]
    for y in range(h):
        row, above, line, acc = rows[top + y], table[-1], [0], 0
        for x in range(w):
            acc += row[left + x]
            line.append(above[x + 1] + acc)
        table.append(line)
    return table


def box(table, x, y, size):
    return table[y + size][x + size] - table[y][x + size] - table[y + size][x] + table[y][x]


def compare_images(shot_path, ref_path, max_mismatch, block=4, level=40, reach=1):
    sw, sh, shot = read_png(shot_path)
    rw, rh, ref = read_png(ref_path)
    left, top = find_page(sw, sh, shot, rw, rh)
    w, h = min(rw, sw - left), min(rh, sh - top)
    print(f"image: reference {rw}x{rh}, page found at ({left},{top}) in the {sw}x{sh} screenshot")
    a = integral(ref, 0, 0, w, h)
    b = integral(shot, left, top, w, h)

    # Pixels are compared as means of block x block squares: anti-aliasing
    # differs between Skia and poppler at every glyph edge, and a browser
    # snaps each line's glyphs to whole device pixels, so a square may match
    # its counterpart up to `reach` pixels away. A missing, extra or moved
    # word, a different font or a missing rule changes squares beyond that.
    area = block * block
    blocks = bad = strict_bad = 0
    total = 0.0
    shifts = [(dx, dy) for dy in range(-reach, reach + 1) for dx in range(-reach, reach + 1)]
    for by in range(reach, h - block - reach + 1, block):
        for bx in range(reach, w - block - reach + 1, block):
            mean = box(a, bx, by, block)
            exact = abs(mean - box(b, bx, by, block)) / area
            total += exact
            blocks += 1
            if exact > level:
                strict_bad += 1
                if min(abs(mean - box(b, bx + dx, by + dy, block)) for dx, dy in shifts) / area > level:
                    bad += 1
    share = bad / blocks
    print(f"image: mean difference {total / blocks:.2f}/255; {block}x{block} blocks differing by more "
          f"than {level}/255: {strict_bad} of {blocks} in place ({strict_bad / blocks:.3%}), "
          f"{bad} ({share:.3%}) even {reach} px around")
    if share > max_mismatch:
        fail(f"{share:.3%} of page 1 differs from the PDF; at most {max_mismatch:.3%} allowed")


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    opts = dict(a[2:].split("=", 1) for a in argv if a.startswith("--") and "=" in a)
    if len(args) == 3 and args[0] == "lines":
        compare_lines(args[1], args[2], float(opts.get("min-identical", 0.98)))
    elif len(args) == 3 and args[0] == "positions":
        compare_positions(args[1], args[2], float(opts.get("tolerance", 0.1)))
    elif len(args) == 3 and args[0] == "image":
        compare_images(args[1], args[2], float(opts.get("max-mismatch", 0.002)))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
