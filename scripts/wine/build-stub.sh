#!/usr/bin/env bash
# Builds the bcryptprimitives.dll stand-in (see bcryptprimitives.c) that the
# Wine test runner puts beside the test executables. Prints its path.
# Usage: scripts/wine/build-stub.sh [OUT_DIR]   (default target/wine)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../target/wine}"
mkdir -p "$out"
dll="$out/bcryptprimitives.dll"
if [ ! -f "$dll" ] || [ "$here/bcryptprimitives.c" -nt "$dll" ] || [ "$here/bcryptprimitives.def" -nt "$dll" ]; then
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$dll.tmp" \
        "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32
    mv "$dll.tmp" "$dll"
fi
echo "$dll"
