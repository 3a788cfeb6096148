#!/usr/bin/env bash
# The static x86-64 binary and the container image (issue 17), built in CI:
#   - the binary: the `release` profile with glibc linked in (+crt-static).
#     Only the program is compiled and linked again; every crate comes from
#     the release build .ci/run has already made. The shipped build
#     (packaging/build-static.sh: the `dist` profile, fat LTO, every crate
#     compiled again for the named target) took 65 minutes on this project's
#     loaded 2 cores, beyond CI's budget; it differs from this one only in
#     optimisation across crates, not in what is linked or how.
#   - static: `file` says so, the ELF file names no interpreter and no shared
#     library (readelf), and ldd finds nothing to load;
#   - runs alone: in an empty chroot holding only the binary and the letters,
#     with an empty environment (no Rust, no library, no locale, no /proc),
#     it renders the reference letter to the same bytes as the ordinary
#     build, and a batch of two letters;
#   - the image: Containerfile (FROM scratch) built with podman from that
#     binary and run with runc, rendering the reference letter to the same
#     bytes and a batch in worker processes. runc, not podman's default crun:
#     crun refuses to start containers under a hybrid cgroup v1/v2 layout
#     ("cgroups in hybrid mode not supported"), which this project's machine
#     has. Where podman cannot run the image, its rootfs is exported and run
#     in a chroot instead, and the reason is printed.
# Installs file, binutils (readelf) and, for the image, podman and runc.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "static-checks: FAILED: $*" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
missing=()
command -v file >/dev/null || missing+=(file)
command -v readelf >/dev/null || missing+=(binutils)
command -v podman >/dev/null || missing+=(podman)
command -v runc >/dev/null || missing+=(runc)
if [ ${#missing[@]} -gt 0 ]; then
  echo "   installing ${missing[*]}"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null \
    || echo "   could not install ${missing[*]}"
fi

target=${CARGO_TARGET_DIR:-target}
work=$(mktemp -d)
# The static program is put at target/release/zhauap; cargo keeps it apart
# from the ordinary one (their flags differ), and `cargo build --release`
# puts the ordinary one back, linking nothing, for the checks that follow.
trap 'rm -rf "$work"; cargo build --release -q --locked' EXIT

echo "-- the static binary (release profile, +crt-static)"
cargo build --release -q --locked
"$target/release/zhauap" -q render examples/dz-83-reply.yaml -o "$work/built.pdf"
start=$(date +%s)
cargo rustc --release -q --locked --bin zhauap -- -C target-feature=+crt-static
echo "   built in $(( $(date +%s) - start )) s from the release build"
mkdir -p "$target/static"
static=$target/static/zhauap
cp "$target/release/zhauap" "$static"
echo "   $(file -b "$static" | cut -d, -f1-4), $(du -h "$static" | cut -f1)"

file -b "$static" | grep -Eq 'static(-pie)? linked|statically linked' \
  || fail "file does not call it static: $(file -b "$static")"
readelf -lW "$static" | grep -q 'INTERP' && fail "the binary names a program interpreter"
readelf -dW "$static" | grep -q '(NEEDED)' \
  && fail "the binary needs shared libraries: $(readelf -dW "$static" | grep NEEDED)"
if ldd "$static" >"$work/ldd.txt" 2>&1; then
  grep -q '=>' "$work/ldd.txt" && fail "ldd lists libraries: $(cat "$work/ldd.txt")"
fi
echo "   ldd: $(head -n 1 "$work/ldd.txt" | sed 's/^[[:space:]]*//')"

echo "-- in an empty chroot: only the binary and the letters"
root=$work/root
mkdir -p "$root/in" "$root/out"
cp "$static" "$root/zhauap"
cp examples/dz-83-reply.yaml "$root/in/dz-83-reply.yaml"
cp examples/kk-reply.yaml examples/emblem.svg "$root/in/"
files=$(find "$root" -type f | wc -l)
# Runs a command inside a folder as its root, with an empty environment.
inside() {
  if [ "$(id -u)" = 0 ]; then
    env -i "$(command -v chroot)" "$@"
  else
    env -i "$(command -v unshare)" -r "$(command -v chroot)" "$@"
  fi
}
inside "$root" /zhauap -q render /in/dz-83-reply.yaml -o /out/chroot.pdf \
  || fail "the static binary does not render in an empty chroot"
cmp -s "$root/out/chroot.pdf" "$work/built.pdf" \
  || fail "the static binary renders other bytes than the ordinary build"
inside "$root" /zhauap -q batch /in -o /out/batch \
  || fail "the static binary's batch fails in an empty chroot"
[ -s "$root/out/batch/dz-83-reply.pdf" ] && [ -s "$root/out/batch/kk-reply.pdf" ] \
  || fail "the batch in the chroot did not write both letters"
echo "   $files files in the chroot (the binary, 2 letters, an emblem): rendered the reference" \
  "letter to the same bytes and a batch of 2 letters"

echo "-- the container image (FROM scratch)"
if ! command -v podman >/dev/null; then
  echo "   skipped: podman could not be installed"
  echo "static-checks: ok"
  exit 0
fi
# The build context is the binary alone.
mkdir -p "$work/context"
cp "$static" "$work/context/zhauap"
podman build -q -t zhauap:ci --build-arg BINARY=zhauap -f Containerfile "$work/context" >/dev/null \
  || fail "podman build failed"
echo "   image built: $(podman image inspect zhauap:ci --format '{{.Size}}') bytes," \
  "$(podman image inspect zhauap:ci --format '{{len .RootFS.Layers}}') layer"
mkdir -p "$work/io/in" "$work/io/out"
cp "$root/in"/* "$work/io/in/"
chmod 777 "$work/io/out"
# This machine's podman needs no default ulimits (setrlimit is refused in
# the container's setup).
printf '[containers]\ndefault_ulimits = []\n' >"$work/containers.conf"
run_image() {
  CONTAINERS_CONF="$work/containers.conf" podman --runtime "$1" run --rm \
    -v "$work/io/in:/in:ro" -v "$work/io/out:/out" zhauap:ci "${@:2}"
}
runtime=
for candidate in runc crun; do
  command -v "$candidate" >/dev/null || continue
  if run_image "$candidate" -q render /in/dz-83-reply.yaml -o /out/container.pdf \
    2>"$work/podman-$candidate.txt"; then
    runtime=$candidate
    break
  fi
  echo "   podman with $candidate cannot start the container: $(tail -n 1 "$work/podman-$candidate.txt")"
done
if [ -n "$runtime" ]; then
  cmp -s "$work/io/out/container.pdf" "$work/built.pdf" || fail "the container renders other bytes"
  run_image "$runtime" -q batch /in -o /out/batch || fail "the container's batch failed"
  [ -s "$work/io/out/batch/dz-83-reply.pdf" ] && [ -s "$work/io/out/batch/kk-reply.pdf" ] \
    || fail "the container's batch did not write both letters"
  echo "   podman run (with $runtime): the reference letter to the same bytes, a batch of 2 letters"
else
  # The image's own files, run without a container runtime.
  podman create -q --name zhauap-ci zhauap:ci >/dev/null
  mkdir -p "$work/rootfs"
  podman export zhauap-ci | tar -x -C "$work/rootfs"
  podman rm -f zhauap-ci >/dev/null
  cp "$root/in"/* "$work/rootfs/"
  inside "$work/rootfs" /zhauap -q render /dz-83-reply.yaml -o /image.pdf \
    || fail "the image's binary does not render"
  cmp -s "$work/rootfs/image.pdf" "$work/built.pdf" || fail "the image's binary renders other bytes"
  echo "   not run by podman here; the image's exported rootfs renders the reference letter"
  echo "   to the same bytes in a chroot"
fi
podman rmi -f zhauap:ci >/dev/null 2>&1 || true
echo "static-checks: ok"
