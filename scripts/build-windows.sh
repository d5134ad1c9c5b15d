#!/usr/bin/env bash
# Builds kenesh.exe for Windows 10/11 (x86_64) from Linux, for the
# programme's IT person to copy to the laptops. Needs rustup and Debian's
# gcc-mingw-w64-x86-64 (this script installs what is missing on Debian).
# The exe is self-contained: no DLLs beside it, no Wine stub.
# Usage: scripts/build-windows.sh        -> target/x86_64-pc-windows-gnu/release/kenesh.exe
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
    rustup target add x86_64-pc-windows-gnu
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc-mingw-w64-x86-64 >/dev/null
fi

cargo build --release --locked --target x86_64-pc-windows-gnu
exe=target/x86_64-pc-windows-gnu/release/kenesh.exe
echo "$exe ($(du -h "$exe" | cut -f1))"
