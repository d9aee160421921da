#!/usr/bin/env bash
# Release build step (shipctl-release, prepare-package): shipctl.exe for the Windows zip, cross-compiled from
# src/windows/shipctl.c with mingw-w64 when it is installed (Debian: apt-get install gcc-mingw-w64-x86-64). Without
# it the zip has shipctl.cmd only, and the build log says so. Also writes the version into shipctl.cmd (it names the
# per-user startup archive of both launchers).
# usage: windows-exe.sh SOURCE OUTPUT_FOLDER VERSION CMD_SOURCE
set -euo pipefail
src=$1 out=$2 version=$3 cmd=$4
rm -f "$out/shipctl.exe"
mkdir -p "$out"
sed "s/@SHIPCTL_VERSION@/$version/g" "$cmd" > "$out/shipctl.cmd"
if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  echo "release: no x86_64-w64-mingw32-gcc (Debian: apt-get install gcc-mingw-w64-x86-64): the Windows zip gets shipctl.cmd only" >&2
  exit 0
fi
x86_64-w64-mingw32-gcc -municode -O2 -s -Wall -Wextra -Werror -static-libgcc -DSHIPCTL_VERSION="\"$version\"" -o "$out/shipctl.exe" "$src"
echo "release: shipctl.exe built with $(x86_64-w64-mingw32-gcc --version | head -n 1)"
