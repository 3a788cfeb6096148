#!/usr/bin/env bash
# Packages and deployment (issue 17):
#   - the .deb (cargo-deb) is built from the release binary .ci/run has
#     already built, installed with dpkg -i, and the installed zhauap renders
#     the reference letter to the same bytes as the build; its manual page and
#     completions are where man and the shells look;
#   - the Kubernetes manifests in deploy/ validate against the Kubernetes
#     schemas (kubernetes-validate, which carries them: no network);
#   - the static binary and the container image: .ci/static-checks.sh.
# Installs cargo-deb (about 6 minutes on 2 cores) and kubernetes-validate.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "package-checks: FAILED: $*" >&2; exit 1; }
bin="${CARGO_TARGET_DIR:-target}/release/zhauap"
work=$(mktemp -d)
trap 'rm -rf "$work"; dpkg -r zhauap >/dev/null 2>&1 || true' EXIT

echo "-- the Kubernetes manifests"
command -v kubernetes-validate >/dev/null || pip3 install -q kubernetes-validate==1.37.0
kubernetes-validate --strict --quiet deploy/kubernetes/*.yaml || fail "deploy/kubernetes does not validate"

echo "-- the .deb"
command -v cargo-deb >/dev/null || cargo install -q cargo-deb --locked --version 3.8.0
start=$(date +%s)
packaging/build-deb.sh -q --output "$work/zhauap.deb" >/dev/null
echo "   built in $(( $(date +%s) - start )) s: $(du -h "$work/zhauap.deb" | cut -f1)"
# The binary's packed relative relocations (build.rs) need glibc 2.36,
# which dpkg-shlibdeps cannot see (no symbol carries that version).
dpkg -f "$work/zhauap.deb" Depends | grep -q 'libc6 (>= 2.36)' \
  || fail "the .deb does not depend on libc6 (>= 2.36): $(dpkg -f "$work/zhauap.deb" Depends)"
dpkg -i "$work/zhauap.deb" >/dev/null || fail "dpkg -i refused the package"
[ "$(command -v zhauap)" = /usr/bin/zhauap ] || fail "zhauap is not /usr/bin/zhauap after dpkg -i"
(cd "$work" && zhauap -q render "$OLDPWD/examples/dz-83-reply.yaml" -o installed.pdf) \
  || fail "the installed zhauap refused the reference letter"
"$bin" -q render examples/dz-83-reply.yaml -o "$work/built.pdf"
cmp -s "$work/installed.pdf" "$work/built.pdf" || fail "the installed zhauap renders other bytes than the build"
for f in /usr/share/man/man1/zhauap.1.gz /usr/share/man/man1/zhauap-render.1.gz \
  /usr/share/man/man1/zhauap-batch.1.gz /usr/share/bash-completion/completions/zhauap \
  /usr/share/zsh/vendor-completions/_zhauap /usr/share/fish/vendor_completions.d/zhauap.fish \
  /usr/share/doc/zhauap/copyright /usr/share/doc/zhauap/LICENSE-DejaVu.txt; do
  [ -s "$f" ] || fail "$f is missing from the package"
done
zcat /usr/share/man/man1/zhauap.1.gz | grep -q '^\.TH zhauap' || fail "the manual page is not roff"
if command -v man >/dev/null; then
  man -w zhauap >/dev/null || fail "man does not find zhauap"
  # Every page zhauap(1) names is installed.
  for page in $(zcat /usr/share/man/man1/zhauap.1.gz | grep -o 'zhauap\\-[a-z]*' | sed 's/\\-/-/' | sort -u); do
    man -w "$page" >/dev/null || fail "zhauap(1) names $page(1), which man does not find"
  done
fi

echo "package-checks: ok"
