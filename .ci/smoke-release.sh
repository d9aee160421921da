#!/usr/bin/env bash
# Smoke test of the release artifacts in target/release/ (made by ./mvnw -Prelease package), as a first-day
# administrator would use them, on this machine only (everything binds 127.0.0.1 and stops by itself):
#   - SHA256SUMS matches;
#   - the tarball, extracted into a temporary folder, with a PATH holding no Java and JAVA_HOME unset: --version,
#     a sandbox (--port 0, stops after 60 s) and `check` against it; the same through a symbolic link and from a
#     read-only copy (run as nobody when we are root), which must be left unchanged; `shell` on a terminal without
#     JVM warnings;
#   - the .deb's files (dpkg-deb -x): the same, plus /usr/bin/shipctl, man pages and completion where Debian wants them;
#   - the jar with `java -jar` from another folder (a JDK 25 found like ./mvnw does), and a one-line refusal on an
#     older Java when there is one;
#   - the bash completion loads, the zsh one completes (when zsh is installed), every man page renders;
#   - the Windows zip holds shipctl.cmd (CRLF, the version written in), the jar and README-windows.txt.
# Usage: .ci/smoke-release.sh [RELEASE_FOLDER]   (default: target/release of this checkout)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
release="$(cd "${1:-$root/target/release}" && pwd)"
failures=0
pass() { echo "  ok    $*"; }
fail() { echo "  FAIL  $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

tarball=$(ls "$release"/shipctl-*-linux-x64.tar.gz)
version=$(basename "$tarball" -linux-x64.tar.gz); version=${version#shipctl-}
echo "smoke test of shipctl $version in $release"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/shipctl-smoke.XXXXXXXX")
chmod 755 "$tmp" # the read-only copy is run as nobody
sandbox_pids=()
cleanup() {
  local pid
  for pid in "${sandbox_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  chmod -R u+w "$tmp" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# a PATH without java: only the few tools a launcher may use
tools="$tmp/tools"
mkdir -p "$tools"
for t in sh bash readlink dirname env cat; do ln -s "$(command -v "$t")" "$tools/$t"; done
clean_env=(env -i "PATH=$tools" "HOME=$tmp/home" "LANG=C.UTF-8" "TMPDIR=$tmp/jvmtmp" "SHIPCTL_PASSWORD=player123")
mkdir -p "$tmp/home" "$tmp/jvmtmp"
chmod 1777 "$tmp/jvmtmp"
check "no java on the test PATH, JAVA_HOME unset" "${clean_env[@]}" sh -c '! command -v java >/dev/null && [ -z "${JAVA_HOME:-}" ]'

echo "checksums"
check "SHA256SUMS" bash -c "cd '$release' && sha256sum --quiet -c SHA256SUMS"

# start_sandbox LAUNCHER... : starts a sandbox on free loopback ports (it stops itself after 60 s); sets $port
start_sandbox() {
  local out="$tmp/sandbox.${#sandbox_pids[@]}.out" i
  : > "$out"
  "$@" sandbox --port 0 --ship-port 0 --stop-after 60s >"$out" 2>&1 &
  sandbox_pids+=($!)
  port=""
  for ((i = 0; i < 300; i++)); do
    port=$(sed -n 's/^  login *127\.0\.0\.1:\([0-9]*\).*/\1/p' "$out")
    [ -n "$port" ] && return 0
    kill -0 "${sandbox_pids[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  cat "$out" >&2
  return 1
}

# verbs NAME LAUNCHER... : --version, a sandbox and a check against it, all through this launcher
verbs() {
  local name=$1; shift
  local out
  if out=$("$@" --version 2>&1) && [[ $out == "shipctl $version (commit "* ]] && [[ $out == *"Java 25"* || $out == *"Java 2"[6-9]* ]]; then
    pass "$name: --version ($(head -n 1 <<<"$out"))"
  else
    fail "$name: --version: $out"
  fi
  if start_sandbox "$@"; then
    if out=$(SHIPCTL_PASSWORD=player123 "$@" check -p "$port" -u player1 2>&1) && grep -q "^OK .*lobby reached" <<<"$out"; then
      pass "$name: sandbox and check ($(grep '^OK' <<<"$out"))"
    else
      fail "$name: check against the sandbox: $out"
    fi
    kill "${sandbox_pids[-1]}" 2>/dev/null || true
  else
    fail "$name: the sandbox did not start"
  fi
}

echo "tarball"
mkdir -p "$tmp/tar"
tar -C "$tmp/tar" -xzf "$tarball"
image="$tmp/tar/shipctl-$version"
verbs "tarball" "${clean_env[@]}" "$image/bin/shipctl"
mkdir -p "$tmp/links"
ln -s "$image/bin/shipctl" "$tmp/links/shipctl"
verbs "through a link" "${clean_env[@]}" "$tmp/links/shipctl"
verbs "on the PATH, through a link" "${clean_env[@]}" "PATH=$tmp/links:$tools" shipctl

# the JIT flags each kind of verb gets, as the JVM saw them (-XX:+PrintCommandLineFlags prints them first)
jit_flags() { "${clean_env[@]}" SHIPCTL_JAVA_OPTS=-XX:+PrintCommandLineFlags "$image/bin/shipctl" "$@" --help 2>&1 | head -n 1; }
check "JIT flags: swarm on the first tier, compiling sooner" \
  bash -c '[[ $1 == *"-XX:CompileThresholdScaling=0.05"* && $1 == *"-XX:TieredStopAtLevel=1 "* ]]' _ "$(jit_flags swarm)"
check "JIT flags: a one-shot verb on the first tier, the usual thresholds" \
  bash -c '[[ $1 != *CompileThresholdScaling* && $1 == *"-XX:TieredStopAtLevel=1 "* ]]' _ "$(jit_flags -v check)"
check "JIT flags: a long-running verb on both tiers" bash -c '[[ $1 == *-XX:* && $1 != *TieredStopAtLevel* ]]' _ "$(jit_flags watch)"

cp -a "$image" "$tmp/readonly"
chmod -R a-w "$tmp/readonly"
touch "$tmp/marker"
sleep 1 # a second between the marker and anything written later
as_other=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  as_other=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  chmod 777 "$tmp/home"
fi
verbs "read-only copy${as_other:+ (as nobody)}" "${as_other[@]}" "${clean_env[@]}" "$tmp/readonly/bin/shipctl"
check "read-only copy: nothing written into it" test -z "$(find "$tmp/readonly" -newer "$tmp/marker" -print -quit)"
for cache in shipctl shipctl-json; do
  check "startup cache $cache.aot used (AOTMode=on accepts it after the move)" "$image/runtime/bin/java" -XX:+UseSerialGC \
    --enable-native-access=ALL-UNNAMED -XX:AOTCache="$image/lib/$cache.aot" -XX:AOTMode=on -Xlog:aot=off -Xlog:cds=off \
    -cp "$image/lib/shipctl.jar" dev.shipctl.cli.Main --version >/dev/null
done
if command -v script >/dev/null && start_sandbox "${clean_env[@]}" "$image/bin/shipctl"; then
  # on a terminal (script's pty), Ctrl-D already waiting: the shell logs in, starts JLine and leaves
  printf '\004' | timeout 60 script -qefc "$(printf '%q ' "${clean_env[@]}" "$image/bin/shipctl" shell -p "$port" -u player1)" \
    "$tmp/shell.typescript" >/dev/null 2>&1 || true
  check "shell on a terminal: in the lobby, no JVM warning (native access for JLine)" \
    bash -c "grep -aq 'In lobby' '$tmp/shell.typescript' && ! grep -aq 'WARNING' '$tmp/shell.typescript'"
  kill "${sandbox_pids[-1]}" 2>/dev/null || true
fi

echo ".deb"
deb=$(ls "$release"/shipctl_*_amd64.deb)
check "dpkg-deb --info" bash -c "dpkg-deb --info '$deb' | grep -q '^ Package: shipctl'"
dpkg-deb -x "$deb" "$tmp/deb"
check "/usr/bin/shipctl -> /opt/shipctl/bin/shipctl" test "$(readlink "$tmp/deb/usr/bin/shipctl")" = /opt/shipctl/bin/shipctl
check "man pages in /usr/share/man/man1" test -f "$tmp/deb/usr/share/man/man1/shipctl.1.gz" -a -f "$tmp/deb/usr/share/man/man1/shipctl-check.1.gz"
check "bash completion in /usr/share/bash-completion" test -f "$tmp/deb/usr/share/bash-completion/completions/shipctl"
check "zsh completion in /usr/share/zsh/vendor-completions" test -f "$tmp/deb/usr/share/zsh/vendor-completions/_shipctl"
verbs ".deb files" "${clean_env[@]}" "$tmp/deb/opt/shipctl/bin/shipctl"

echo "jar"
jar="$release/shipctl-$version.jar"
( . "$root/.mvn/find-jdk.sh" && echo "$JAVA_HOME" ) > "$tmp/jdk" 2>/dev/null || true
jdk=$(cat "$tmp/jdk")
mkdir -p "$tmp/elsewhere"
if [ -n "$jdk" ]; then
  (cd "$tmp/elsewhere" && verbs "java -jar" env -u JAVA_HOME "$jdk/bin/java" -jar "$jar")
else
  fail "java -jar: no JDK 25 found to run the jar"
fi
old=""
for home in /usr/lib/jvm/*; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true)
  if [ -n "$v" ] && [ "$v" -lt 25 ] && [ "$v" -ge 8 ] && [ -x "$home/bin/java" ]; then old="$home/bin/java"; break; fi
done
if [ -n "$old" ]; then
  set +e; out=$(cd "$tmp/elsewhere" && "$old" -jar "$jar" --version 2>&1); code=$?; set -e
  check "java -jar on Java $v: exit 9 and one line ($out)" test "$code" = 9 -a "$(wc -l <<<"$out")" = 1
fi

echo "completion and man pages"
check "bash completion loads" bash -c "source '$image/share/bash-completion/completions/shipctl' && complete -p shipctl | grep -q _complete_shipctl"
if command -v zsh >/dev/null; then
  cat > "$tmp/zsh-tab.zsh" <<'ZSH'
zmodload zsh/zpty
zpty -b z 'PS1="> " TERM=dumb zsh -f -i'
zpty -w z "fpath=($1 \$fpath); autoload -U compinit; compinit -u; PATH=$2:\$PATH"
zpty -w -n z $'shipctl compl\t'
local all="" chunk
integer i
for (( i = 0; i < 100; i++ )); do
  if zpty -r -t z chunk; then all+=$chunk; [[ $all == *"shipctl completion "* ]] && break; else sleep 0.2; fi
done
zpty -d z
[[ $all == *"shipctl completion "* ]]
ZSH
  check "zsh completes 'shipctl compl<Tab>' from share/zsh/site-functions" timeout 60 zsh -f "$tmp/zsh-tab.zsh" \
    "$image/share/zsh/site-functions" "$image/bin"
fi
pages=("$image"/share/man/man1/*.1)
check "${#pages[@]} man pages, one per command" test "${#pages[@]}" -ge 20
for page in "${pages[@]}"; do
  if command -v man >/dev/null; then
    # a long unbreakable word (a URL, a JSON example) only overflows the line: not an error
    err=$(MANWIDTH=80 man -l "$page" 2>&1 >/dev/null | grep -v "warning.*can't break line" || true) && [ -z "$err" ] && \
      MANWIDTH=80 man -l "$page" 2>/dev/null | grep -q "^NAME" || { fail "man -l $(basename "$page"): $err"; continue; }
  else
    head -n 20 "$page" | grep -q '^\.TH ' || { fail "$(basename "$page"): no .TH line"; continue; }
  fi
done
pass "every man page renders"

echo "Windows zip"
zip=$(ls "$release"/shipctl-*-windows.zip)
listing=$(unzip -Z1 "$zip")
for f in shipctl.cmd shipctl.jar README-windows.txt; do
  check "zip holds $f" grep -q "^shipctl-$version/$f\$" <<<"$listing"
done
if command -v x86_64-w64-mingw32-gcc >/dev/null; then check "zip holds shipctl.exe (mingw-w64 is installed)" grep -q "^shipctl-$version/shipctl.exe\$" <<<"$listing"; fi
check "shipctl.cmd has Windows line ends" bash -c "unzip -p '$zip' 'shipctl-$version/shipctl.cmd' | head -n 1 | grep -q \$'\r\$'"
check "shipctl.cmd names its startup archive with the version" bash -c \
  "unzip -p '$zip' 'shipctl-$version/shipctl.cmd' | grep -qF 'shipctl-$version.jsa' && ! unzip -p '$zip' 'shipctl-$version/shipctl.cmd' | grep -q @SHIPCTL_VERSION@"

if [ "$failures" -gt 0 ]; then
  echo "smoke test: $failures failure(s)"
  exit 1
fi
echo "smoke test: all passed"
