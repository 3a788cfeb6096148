#!/usr/bin/env bash
# The contracts the code and the tests cite (docs/letter-format.md,
# docs/layout.md, docs/peers.md) are copies of the project's shared folder,
# so that a clone has them. Where that folder sits beside the clone (../shared,
# as on CI), each copy must equal it, with the shared folder's examples path
# rewritten to the repository's. Nothing in the repository may link to
# ../shared: a clone does not have it.
set -euo pipefail
cd "$(dirname "$0")/.."

fail=0
if [ -d ../shared ]; then
  for doc in letter-format layout peers; do
    if ! sed 's#\.\./shared/examples/#../examples/#g' "../shared/$doc.md" |
      diff -u - "docs/$doc.md"; then
      echo "docs/$doc.md differs from ../shared/$doc.md: copy it again with"
      echo "  sed 's#\.\./shared/examples/#../examples/#g' ../shared/$doc.md > docs/$doc.md"
      fail=1
    fi
  done
else
  echo "no ../shared beside the clone: the copies in docs/ are not compared"
fi

if grep -rIn --exclude-dir=target --exclude-dir=.git --exclude=docs-checks.sh \
  -e '\.\./shared' . ; then
  echo "the lines above link outside the repository: point them at docs/"
  fail=1
fi
[ $fail = 0 ] && echo "docs: contracts in step, no links outside the repository"
exit $fail
