#!/usr/bin/env python3
"""Checks that two PDFs hold the same words (the peers were given the text
zhauap prints): pdftotext, line-end hyphens joined, page numbers dropped.
Prints the number of words that differ (0: the same text; a long address
that one engine lets run off the page counts too) and, with -v, the
differences.

usage: words.py REFERENCE.pdf OTHER.pdf [-v]
"""
import difflib
import re
import subprocess
import sys


def words(pdf):
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, check=True).stdout.decode()
    # a line that holds only a number is a page number
    text = "\n".join(l for l in text.split("\n") if not re.fullmatch(r"\s*\d{1,2}\s*", l))
    # a word broken at a line end: soft hyphen or a hyphen before the line break
    text = re.sub(r"(\w)[\u00ad\u2010-]\s*\n\s*(\w)", r"\1\2", text)
    text = text.replace("\u00ad", "")
    # a compound's own hyphen at a line end cannot be told from a break, and
    # the letterhead's two columns come out in either order: compare the
    # words without hyphens, as a multiset
    return sorted(w.replace("-", "") for w in text.split())


def main():
    a, b = words(sys.argv[1]), words(sys.argv[2])
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    diff = 0
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            diff += max(i2 - i1, j2 - j1)
            if "-v" in sys.argv:
                print(op, a[i1:i2], b[j1:j2], file=sys.stderr)
    print(diff)


if __name__ == "__main__":
    main()
