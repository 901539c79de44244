#!/usr/bin/env bash
# The main job: build the plugin (newest supported LLVM installed), compile
# every example with it at -O2, show the -m output, and run the programs.
set -euo pipefail
cd "$(dirname "$0")/.."
for v in 22 19; do
  if [ -f "/usr/lib/llvm-$v/lib/cmake/llvm/LLVMConfig.cmake" ]; then major=$v; break; fi
done
if [ -z "${major:-}" ]; then
  echo "escape: no LLVM 19 or 22 found; run: bash .ci/install-deps" >&2
  exit 1
fi
cmake -S . -B "build-$major" -DLLVM_VERSION="$major" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "build-$major" -j2 >/dev/null
plugin="$PWD/build-$major/libescape.so"
clang="/usr/lib/llvm-$major/bin/clang"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for src in examples/*.c; do
  name=$(basename "$src" .c)
  echo "== $src"
  "$clang" -O2 -g -fpass-plugin="$plugin" -fplugin="$plugin" -mllvm -escape-m=1 \
    "$src" -o "$out/$name"
  echo "-- output: $("$out/$name")"
done
