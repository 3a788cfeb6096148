#!/usr/bin/env bash
# Cross-checks of `zhauap verify` with OpenSSL, an independent CMS
# implementation (issue 18), both ways:
#  - the signatures the Rust tests make (tests/common/sign.rs, written out by
#    the test sign::fixtures_for_ci) verify with `openssl cms -verify`, and a
#    changed letter does not;
#  - signatures OpenSSL makes with keys made here (RSA and ECDSA P-256; DER,
#    PEM, and BER with indefinite lengths from -stream) verify with zhauap,
#    and a changed letter is refused with exit 1.
# The keys live in a temporary folder and only OpenSSL reads them.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v openssl >/dev/null || { apt-get update -qq && apt-get install -y -qq openssl >/dev/null; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0
zhauap=target/release/zhauap
cargo build --release -q

ZHAUAP_TEST_SIGN_OUT="$out" cargo test --release -q --test main sign::fixtures_for_ci >/dev/null
for cms in rsa ecdsa joint; do
  # -noverify: the test CA is not a trusted root; the signature is checked.
  if ! openssl cms -verify -binary -inform DER -in "$out/$cms.cms" -content "$out/letter.pdf" \
       -noverify -out /dev/null 2>"$out/err"; then
    echo "sign-checks: OpenSSL refuses zhauap's test signature $cms.cms: $(cat "$out/err")" >&2
    fail=1
  fi
done
cp "$out/letter.pdf" "$out/changed.pdf"
printf 'x' >>"$out/changed.pdf"
if openssl cms -verify -binary -inform DER -in "$out/rsa.cms" -content "$out/changed.pdf" \
     -noverify -out /dev/null 2>/dev/null; then
  echo "sign-checks: OpenSSL accepts rsa.cms over a changed letter" >&2
  fail=1
fi

subject="/CN=ОПЕНССЛ ТЕСТ/serialNumber=IIN112233445566/C=KZ/O=ТОО Тест/OU=BIN665544332211"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$out/rsa.key" -out "$out/rsa.crt" \
  -days 30 -utf8 -subj "$subject" 2>/dev/null
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$out/ec.key" \
  -out "$out/ec.crt" -days 30 -utf8 -subj "$subject" 2>/dev/null
for key in rsa ec; do
  crt="$out/$key.crt"; k="$out/$key.key"
  openssl cms -sign -binary -md sha256 -in "$out/letter.pdf" -signer "$crt" -inkey "$k" \
    -outform DER -out "$out/o-$key.cms"
  openssl cms -sign -binary -md sha256 -in "$out/letter.pdf" -signer "$crt" -inkey "$k" \
    -outform PEM -out "$out/o-$key.pem"
  openssl cms -sign -binary -md sha256 -stream -in "$out/letter.pdf" -signer "$crt" -inkey "$k" \
    -outform DER -out "$out/o-$key.ber"
  for f in "o-$key.cms" "o-$key.pem" "o-$key.ber"; do
    if ! "$zhauap" verify "$out/letter.pdf" "$out/$f" >"$out/stdout" 2>"$out/stderr"; then
      echo "sign-checks: zhauap refuses OpenSSL's $f:" >&2
      cat "$out/stdout" "$out/stderr" >&2
      fail=1
    elif ! grep -q "IIN 112233445566, BIN 665544332211" "$out/stdout"; then
      echo "sign-checks: zhauap does not print the IIN/BIN of $f:" >&2
      cat "$out/stdout" >&2
      fail=1
    fi
    set +e
    "$zhauap" verify "$out/changed.pdf" "$out/$f" >/dev/null 2>"$out/stderr"
    code=$?
    set -e
    if [ "$code" -ne 1 ] || ! grep -q "digest" "$out/stderr"; then
      echo "sign-checks: zhauap gives exit $code for $f over a changed letter:" >&2
      cat "$out/stderr" >&2
      fail=1
    fi
  done
done
if [ "$fail" -ne 0 ]; then exit 1; fi
echo "sign-checks: OpenSSL and zhauap agree on 3 test signatures and 6 OpenSSL signatures"
