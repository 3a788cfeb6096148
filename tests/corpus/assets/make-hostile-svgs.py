import zlib, struct, base64, sys, os
out = sys.argv[1]
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
def png(w, h, ct=6, depth=8, rows=None, idat=None):
    sig = b"\x89PNG\r\n\x1a\n"
    ihdr = struct.pack(">IIBBBBB", w, h, depth, ct, 0, 0, 0)
    if idat is None:
        ch = {0:1, 2:3, 6:4}[ct]
        raw = b"".join(b"\x00" + b"\x00" * (w * ch) for _ in range(h)) if rows is None else rows
        idat = zlib.compress(raw, 9)
    return sig + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
def svg(body, w=20, h=20):
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d">%s</svg>' % (w, h, body)).encode()
def data(p, mime="image/png"):
    return "data:%s;base64,%s" % (mime, base64.b64encode(p).decode())
files = {}
# 1. the bomb: 100000x75000 RGBA announced, a tiny IDAT
bomb = png(100000, 75000, idat=zlib.compress(b"\x00" * 16))
files["svg-png-bomb.svg"] = svg('<image href="%s" width="20" height="20"/>' % data(bomb))
# 2. a valid PNG too large on its sides (grey, compresses well)
big = png(5000, 5000, ct=0)
files["svg-png-too-large.svg"] = svg('<image href="%s" width="20" height="20"/>' % data(big))
# 3. damaged PNG inside
ok = png(8, 8, ct=2)
dam = ok[:40] + b"\xff" * 8 + ok[48:]
files["svg-png-damaged.svg"] = svg('<image href="%s" width="20" height="20"/>' % data(dam))
# 4. external reference with spaces around =
files["svg-href-spaces.svg"] = svg('<image href = "/etc/passwd" width="20" height="20"/>')
# 5. turbulence with 1000 octaves
files["svg-turbulence.svg"] = svg('<filter id="f" x="-1000" y="-1000" width="2000" height="2000" filterUnits="userSpaceOnUse"><feTurbulence baseFrequency="0.05" numOctaves="1000"/></filter><rect width="20" height="20" filter="url(#f)"/>')
# 6. 20 chained blurs with huge deviations
blurs = "".join('<feGaussianBlur stdDeviation="100000"/>' for _ in range(20))
files["svg-blur-chain.svg"] = svg('<filter id="f" x="-1000" y="-1000" width="2000" height="2000" filterUnits="userSpaceOnUse">%s</filter><rect width="20" height="20" filter="url(#f)"/>' % blurs)
# 7. a PNG inside an SVG inside an SVG
inner = svg('<image href="%s" width="20" height="20"/>' % data(bomb))
files["svg-nested-bomb.svg"] = svg('<image href="%s" width="20" height="20"/>' % data(inner, "image/svg+xml"))
# 8. a JPEG announced inside (not allowed)
files["svg-jpeg.svg"] = svg('<image href="%s" width="20" height="20"/>' % data(b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"))
# 9. a fine SVG with a modest drop shadow and an embedded small PNG
files["svg-filter-ok.svg"] = svg('<filter id="s"><feGaussianBlur stdDeviation="1"/><feOffset dx="1" dy="1"/></filter><circle cx="10" cy="10" r="8" fill="#157" filter="url(#s)"/><image href="%s" width="8" height="8"/>' % data(ok))
files["svg-turbulence-10.svg"] = svg('<filter id="f"><feTurbulence baseFrequency="0.05" numOctaves="10"/></filter><rect width="20" height="20" filter="url(#f)"/>')
files["svg-morphology.svg"] = svg('<filter id="f"><feMorphology radius="100000"/></filter><rect width="20" height="20" filter="url(#f)"/>')
for n, b in files.items():
    open(os.path.join(out, n), "wb").write(b)
    print(n, len(b))
