#!/usr/bin/env bash
# Builds escape and runs the lit suite for every given LLVM major that is
# installed; fails if none is. Ends with one line: "escape: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(19 22)
passed=0 failed=0 ran=0
for v in "${majors[@]}"; do
  if [ ! -f "/usr/lib/llvm-$v/lib/cmake/llvm/LLVMConfig.cmake" ]; then
    echo "escape: LLVM $v not installed, skipping (bash .ci/install-deps installs it)"
    continue
  fi
  echo "== LLVM $v"
  if ! cmake -S . -B "build-$v" -DLLVM_VERSION="$v" -DCMAKE_BUILD_TYPE=Release >/dev/null ||
     ! cmake --build "build-$v" -j2 >"build-$v/build.log" 2>&1; then
    cat "build-$v/build.log" 2>/dev/null | tail -30
    echo "escape: build against LLVM $v failed"
    failed=$((failed + 1)); continue
  fi
  if grep -q "warning:" "build-$v/build.log"; then
    grep "warning:" "build-$v/build.log"
    echo "escape: the build against LLVM $v has warnings"
    failed=$((failed + 1))
  fi
  lit=/usr/lib/llvm-$v/bin/lit
  [ -x "$lit" ] || lit="python3 /usr/lib/llvm-$v/build/utils/lit/lit.py"
  out=$($lit -sv "build-$v/test" 2>&1); status=$?
  echo "$out" | grep -E "^(FAIL|XPASS|UNRESOLVED|TIMEOUT)|^\*\*\*\*|Testing Time|Total Discovered|Passed|Failed" | head -200
  p=$(echo "$out" | sed -n 's/^ *Passed *: *\([0-9]*\).*/\1/p'); p=${p:-0}
  f=$(echo "$out" | awk '/^ *(Failed|Unresolved|Timed Out|Unexpectedly Passed) *:/ {n += ($NF ~ /%/) ? $(NF-1) : $NF} END {print n+0}')
  [ "$status" -eq 0 ] || [ "$f" -gt 0 ] || f=1
  passed=$((passed + p)); failed=$((failed + f)); ran=$((ran + 1))
done
if [ "$ran" -eq 0 ]; then
  echo "escape: no supported LLVM installed; run: bash .ci/install-deps"
  echo "escape: 0 passed, 1 failed"
  exit 1
fi
echo "escape: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
