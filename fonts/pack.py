#!/usr/bin/env python3
"""Deflates the fallback faces (DejaVu Serif) into fonts/*.ttf.zz, the form
they are compiled into the binary in (src/typeset/fonts.rs). Run after
replacing a DejaVu file; the test fonts::tests::deflated_faces_inflate_to_the_font_files
checks that every .zz inflates to its .ttf."""
import pathlib
import zlib

here = pathlib.Path(__file__).parent
for ttf in sorted(here.glob("DejaVuSerif*.ttf")):
    ttf.with_suffix(".ttf.zz").write_bytes(zlib.compress(ttf.read_bytes(), 9))
