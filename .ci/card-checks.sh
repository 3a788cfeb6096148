#!/usr/bin/env bash
# The document card read by an outside QR reader: a card of the reference
# letter (its pages shown: --source) signed with throw-away RSA and ECDSA keys (written by the test
# sign::fixtures_for_ci), rasterised with pdftoppm, every QR code read with
# zbarimg, the chunks reassembled (ddcard: JSON -> Base64 -> ZIP -> signId.cms)
# and compared with the CMS files byte for byte; then zhauap verify accepts
# the card.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v zbarimg >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq zbar-tools >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ZHAUAP_TEST_SIGN_OUT="$work" cargo test --release -q --test main sign::fixtures_for_ci >/dev/null
zhauap=target/release/zhauap
"$zhauap" -q card "$work/letter.pdf" "$work/rsa.cms" "$work/ecdsa.cms" -o "$work/card.pdf" \
  --source examples/dz-83-reply.yaml
"$zhauap" verify "$work/card.pdf" >/dev/null

# Every page: the letter's pages, its two sheets and the QR pages (only
# the signatures' codes hold JSON).
pdftoppm -r 200 -gray -png "$work/card.pdf" "$work/page"
for page in "$work"/page-*.png; do
  zbarimg --raw -q -Sdisable -Sqrcode.enable "$page" 2>/dev/null || true
done >"$work/codes.txt"

python3 - "$work" <<'PY'
import base64, io, json, sys, zipfile
work = sys.argv[1]
chunks = {}
for line in open(f"{work}/codes.txt", encoding="utf-8"):
    line = line.strip()
    if not line.startswith("{"):
        continue
    c = json.loads(line)
    chunks.setdefault(c["signId"], {})[c["index"]] = c
expected = {1: "rsa.cms", 2: "ecdsa.cms"}
assert sorted(chunks) == sorted(expected), f"signatures read: {sorted(chunks)}"
for sign_id, name in expected.items():
    parts = chunks[sign_id]
    total = next(iter(parts.values()))["total"]
    assert sorted(parts) == list(range(1, total + 1)), f"{name}: read {sorted(parts)} of {total}"
    data = "".join(parts[i]["data"] for i in range(1, total + 1))
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(data))) as z:
        cms = z.read(f"{sign_id}.cms")
    assert cms == open(f"{work}/{name}", "rb").read(), f"{name}: the QR data is not the CMS"
    print(f"card: {name}: {total} QR codes read, reassembled byte for byte")
PY
echo "card: every QR code reads and reassembles to its CMS"
