#!/usr/bin/env bash
# Fails, naming the files, when the committed public/ is not what `dossier build` writes now.
set -euo pipefail
bin=${1:-.build/release/dossier}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" build --output "$tmp/public" >/dev/null
if ! differences=$(diff -rq public "$tmp/public"); then
  echo "public/ is out of date with content/ and templates/:" >&2
  echo "$differences" | sed -e "s|$tmp/public|fresh build|g" -e 's/^/  /' >&2
  echo "Run 'make site' and commit public/ to refresh it." >&2
  exit 1
fi
echo "public/ matches a fresh build"
