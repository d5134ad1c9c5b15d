#!/usr/bin/env bash
# Cargo's runner for x86_64-pc-windows-gnu: runs a Windows test executable
# (or kenesh.exe) under Wine. Set in CI (.ci/run) as
#   CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=scripts/wine/runner.sh
# It keeps Wine's state in its own prefix (WINEPREFIX, default
# target/wine/prefix), silences Wine's debug output, and puts the
# bcryptprimitives.dll stand-in (test-only, see bcryptprimitives.c) beside
# the executable and beside kenesh.exe, which the CLI tests start.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
exe="$1"
shift

export WINEDEBUG=-all
export WINEPREFIX="${WINEPREFIX:-$root/target/wine/prefix}"
# No Mono or Gecko install prompts: kenesh needs neither.
export WINEDLLOVERRIDES="mscoree,mshtml="
# No window: Wine must not look for a display.
unset DISPLAY WAYLAND_DISPLAY

stub="$("$here/build-stub.sh" "$root/target/wine")"
exe_dir="$(cd "$(dirname "$exe")" && pwd)"
dirs=("$exe_dir")
# Test executables live in deps/; kenesh.exe, which they start, one folder up.
[ "$(basename "$exe_dir")" = deps ] && dirs+=("$(dirname "$exe_dir")")
for dir in "${dirs[@]}"; do
    cmp -s "$stub" "$dir/bcryptprimitives.dll" || cp "$stub" "$dir/bcryptprimitives.dll"
done

# The first run creates the prefix; do it once, not from parallel runs.
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    mkdir -p "$(dirname "$WINEPREFIX")"
    (
        flock 9
        [ -f "$WINEPREFIX/system.reg" ] || { wineboot --init >/dev/null 2>&1; wineserver --wait; }
    ) 9>"$(dirname "$WINEPREFIX")/prefix.lock"
fi

exec wine "$exe" "$@"
