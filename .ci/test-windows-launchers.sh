#!/usr/bin/env bash
# Tests the Windows launchers of the release zip (shipctl.exe and shipctl.cmd) under Wine, with a stand-in java.exe
# (shipctl-release/src/test/windows/java-stub.c, cross-compiled here): which Java each one picks (SHIPCTL_JAVA,
# JAVA_HOME, the PATH, Program Files), that a Java older than 25 is refused with exit code 9 and a message, that the
# arguments and the exit code pass through, the start-up flags (the first JIT tier for one-shot verbs, the per-user
# startup archive in %LOCALAPPDATA%\shipctl, SHIPCTL_AOT=0). Needs wine and mingw-w64; says so and succeeds without them.
# Wine's `where` is a stub, so shipctl.cmd's search of every java.exe on the PATH is tested only for the first one.
# Usage: .ci/test-windows-launchers.sh [RELEASE_FOLDER]   (default: target/release of this checkout)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
release="$(cd "${1:-$root/target/release}" && pwd)"
if ! command -v wine >/dev/null || ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  echo "Windows launchers: not tested (needs wine and gcc-mingw-w64-x86-64)"
  exit 0
fi
zip=$(ls "$release"/shipctl-*-windows.zip)
version=$(basename "$zip" -windows.zip) version=${version#shipctl-}
failures=0
pass() { echo "  ok    $*"; }
fail() { echo "  FAIL  $*"; failures=$((failures + 1)); }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/shipctl-wine.XXXXXXXX")
trap 'rm -rf "$tmp"' EXIT
win() { echo "Z:${1//\//\\}"; } # a Unix path as Wine's Z: drive sees it
export WINEPREFIX="$tmp/prefix" WINEDEBUG=-all
unset JAVA_HOME SHIPCTL_JAVA
unzip -q "$zip" -d "$tmp"
app=$(echo "$tmp"/shipctl-*)
if [ ! -f "$app/shipctl.exe" ]; then
  echo "Windows launchers: the zip has no shipctl.exe (built without mingw-w64)"
  exit 1
fi
x86_64-w64-mingw32-gcc -municode -O2 -s -o "$tmp/java-stub.exe" "$root/shipctl-release/src/test/windows/java-stub.c"
for v in 25.0.1 17.0.9; do
  mkdir -p "$tmp/jdk-$v/bin"
  cp "$tmp/java-stub.exe" "$tmp/jdk-$v/bin/java.exe"
  printf 'JAVA_VERSION="%s"\r\n' "$v" > "$tmp/jdk-$v/release"
done
wineboot -i >/dev/null 2>&1 || true # a fresh prefix, made once
jdk25=$(win "$tmp/jdk-25.0.1") jdk17=$(win "$tmp/jdk-17.0.9") jar=$(win "$app/shipctl.jar")

# launch LAUNCHER ENV... -- ARGS... : runs the launcher with that environment; sets out and rc
launch() {
  local launcher=$1 envs=(); shift
  while [ "$1" != -- ]; do envs+=("$1"); shift; done; shift
  local run=(wine "$app/shipctl.exe")
  [ "$launcher" = cmd ] && run=(wine cmd /c "$(win "$app/shipctl.cmd")")
  set +e; out=$(env "${envs[@]}" "${run[@]}" "$@" 2>&1); rc=$?; set -e
}
# expect NAME LAUNCHER WANTED_EXIT WANTED_TEXT ENV... -- ARGS... : the exit code, and the text somewhere in the output
expect() {
  local name=$1 launcher=$2 code=$3 text=$4; shift 4
  launch "$launcher" "$@"
  if [ "$rc" = "$code" ] && [[ $out == *"$text"* ]]; then pass "$launcher: $name"; else fail "$launcher: $name (exit $rc): $out"; fi
}
# refuse NAME LAUNCHER UNWANTED_TEXT ENV... -- ARGS... : exit code 0, and the text nowhere in the output
refuse() {
  local name=$1 launcher=$2 text=$3; shift 3
  launch "$launcher" "$@"
  if [ "$rc" = 0 ] && [[ $out == *"java-stub: "* ]] && [[ $out != *"$text"* ]]; then pass "$launcher: $name"; else fail "$launcher: $name (exit $rc): $out"; fi
}

echo "Windows launchers under $(wine --version)"
for l in exe cmd; do
  expect "JAVA_HOME: runs the jar with the arguments, passes the exit code" $l 7 \
    "$jdk25\\bin\\java.exe\" -XX:TieredStopAtLevel=1  -XX:+UseSerialGC -Xshare:auto --enable-native-access=ALL-UNNAMED -jar \"$jar\" check -u \"a b\"" \
    JAVA_HOME="$jdk25" STUB_EXIT=7 SHIPCTL_AOT=0 -- check -u "a b"
  expect "JAVA_HOME of a Java 17 only: refused" $l 9 "no Java 25 or newer found" JAVA_HOME="$jdk17" --  --version
  expect "SHIPCTL_JAVA first" $l 0 "$jdk25\\bin\\java.exe" SHIPCTL_JAVA="$jdk25\\bin\\java.exe" JAVA_HOME="$jdk17" -- --version
  expect "java.exe on the PATH" $l 0 "$jdk25\\bin\\java.exe" WINEPATH="$jdk25\\bin" -- --version
done
expect "every java.exe on the PATH: a Java 17 first is skipped" exe 0 "$jdk25\\bin\\java.exe" WINEPATH="$jdk17\\bin;$jdk25\\bin" -- --version
adoptium="$WINEPREFIX/drive_c/Program Files/Eclipse Adoptium/jdk-25.0.1.9-hotspot"
mkdir -p "$(dirname "$adoptium")"
cp -r "$tmp/jdk-25.0.1" "$adoptium"
for l in exe cmd; do
  expect "Program Files\\Eclipse Adoptium" $l 0 'C:\Program Files\Eclipse Adoptium\jdk-25.0.1.9-hotspot\bin\java.exe' -- --version
done

# start-up flags: the first JIT tier for one-shot verbs, before SHIPCTL_JAVA_OPTS; the per-user startup archive
# Wine sets %LOCALAPPDATA% itself (a folder in the prefix, under $tmp): the launchers make its shipctl folder
local_app="$WINEPREFIX/drive_c/users/$(whoami)/AppData/Local"
for l in exe cmd; do
  expect "one-shot verb: first JIT tier, then SHIPCTL_JAVA_OPTS" $l 0 "java.exe\" -XX:TieredStopAtLevel=1 -Xmx64m -XX:+UseSerialGC" \
    JAVA_HOME="$jdk25" SHIPCTL_JAVA_OPTS=-Xmx64m -- announce --profile home Restart soon
  expect "no verb (--version) is one-shot" $l 0 "java.exe\" -XX:TieredStopAtLevel=1 " JAVA_HOME="$jdk25" -- --version
  expect "options before the verb are skipped" $l 0 "java.exe\" -XX:TieredStopAtLevel=1 " JAVA_HOME="$jdk25" -- -v --json check
  expect "swarm runs on the first tier too, compiling sooner" $l 0 "java.exe\" -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.05 " \
    JAVA_HOME="$jdk25" -- swarm --sandbox
  refuse "a one-shot verb keeps the usual compile thresholds" $l "CompileThresholdScaling" JAVA_HOME="$jdk25" -- check
  for verb in watch listen; do
    refuse "$verb keeps both JIT tiers" $l "TieredStopAtLevel" JAVA_HOME="$jdk25" -- $verb --port 9100
    refuse "$verb after options keeps both JIT tiers" $l "TieredStopAtLevel" JAVA_HOME="$jdk25" -- -v --trace $verb
  done
  rm -rf "$local_app/shipctl"
  refuse "no verb (--version), no archive yet: none made" $l "SharedArchive" JAVA_HOME="$jdk25" -- --version
  expect "startup archive in %LOCALAPPDATA%\\shipctl, named with the version" $l 0 \
    "-Xshare:auto -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=" JAVA_HOME="$jdk25" -- check
  if [[ $out == *"=\"C:\\users\\$(whoami)\\AppData\\Local\\shipctl\\shipctl-$version.jsa\" -Xlog:cds*=off -Xlog:aot*=off --enable-native-access"* ]] && [ -d "$local_app/shipctl" ]; then
    pass "$l: the archive's file name, log lines off, folder made"
  else
    fail "$l: the archive's file name, log lines off, folder made: $out"
  fi
  refuse "no verb (--version): it does not make the archive" $l "AutoCreateSharedArchive" JAVA_HOME="$jdk25" -- --version
  printf '\xa8\xab\x0b\xf0 a finished archive starts so' > "$local_app/shipctl/shipctl-$version.jsa"
  expect "no verb (--version): it reads the archive where one was made" $l 0 \
    "-Xshare:auto -XX:SharedArchiveFile=\"C:\\users\\$(whoami)\\AppData\\Local\\shipctl\\shipctl-$version.jsa\" -Xlog:cds*=off" \
    JAVA_HOME="$jdk25" -- --version
  refuse "SHIPCTL_AOT=0: no startup archive" $l "SharedArchive" JAVA_HOME="$jdk25" SHIPCTL_AOT=0 -- check
  rm -rf "$local_app/shipctl"
  touch "$local_app/shipctl" # a file where the folder should be
  refuse "no folder for the archive: no startup archive" $l "SharedArchive" JAVA_HOME="$jdk25" -- check
  rm -f "$local_app/shipctl"
done
# shipctl.exe: a jar newer than the archive (replaced by hand), or an archive cut short, gets a new archive (the JVM
# keeps such an archive, and does not use it)
mkdir -p "$local_app/shipctl"
printf '\xa8\xab\x0b\xf0 old' > "$local_app/shipctl/shipctl-$version.jsa"
touch -d 2001-01-01 "$local_app/shipctl/shipctl-$version.jsa"
launch exe JAVA_HOME="$jdk25" -- check
if [ "$rc" = 0 ] && [ ! -e "$local_app/shipctl/shipctl-$version.jsa" ]; then pass "exe: an archive older than the jar is removed"; else fail "exe: an archive older than the jar is removed (exit $rc): $out"; fi
printf '\xa8\xab\x0b\xf0 new' > "$local_app/shipctl/shipctl-$version.jsa"
launch exe JAVA_HOME="$jdk25" -- check
if [ "$rc" = 0 ] && [ -e "$local_app/shipctl/shipctl-$version.jsa" ]; then pass "exe: an archive newer than the jar is kept"; else fail "exe: an archive newer than the jar is kept (exit $rc): $out"; fi
head -c 4096 /dev/zero > "$local_app/shipctl/shipctl-$version.jsa" # the JVM writes the header last
launch exe JAVA_HOME="$jdk25" -- check
if [ "$rc" = 0 ] && [ ! -e "$local_app/shipctl/shipctl-$version.jsa" ]; then pass "exe: an archive cut short is removed"; else fail "exe: an archive cut short is removed (exit $rc): $out"; fi

mv "$app/shipctl.jar" "$app/moved.jar"
for l in exe cmd; do
  expect "no shipctl.jar beside it" $l 9 "shipctl.jar is missing" JAVA_HOME="$jdk25" -- --version
done

if [ "$failures" -gt 0 ]; then
  echo "Windows launchers: $failures failure(s)"
  exit 1
fi
echo "Windows launchers: all passed"
