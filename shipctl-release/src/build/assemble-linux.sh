#!/usr/bin/env bash
# Release build step (run by Maven in shipctl-release, `./mvnw -Prelease package`): the Linux image — a jlink runtime
# with only the JDK modules shipctl uses, the launcher, the jar, the startup cache trained against the sandbox, man
# pages and completion — packed as a tarball and a .deb; the runnable jar beside them; SHA256SUMS over everything.
# Needs the JDK 25 running Maven (jdeps, jlink), GNU tar, gzip, dpkg-deb and sha256sum. $DEB_MAINTAINER sets the
# .deb's Maintainer field (a placeholder otherwise).
#
# usage: assemble-linux.sh JDK VERSION SHADED_JAR MAN_FOLDER DIST_FOLDER REPOSITORY_ROOT WORK_FOLDER RELEASE_FOLDER
set -euo pipefail
jdk=$1 version=$2 jar=$3 man=$4 dist=$5 root=$6 work=$7 out=$8

for tool in tar gzip dpkg-deb sha256sum; do
  command -v "$tool" >/dev/null || { echo "release: $tool is needed (Debian/Ubuntu: apt-get install dpkg tar gzip coreutils)" >&2; exit 1; }
done
name="shipctl-$version"
image="$work/$name"
rm -rf "$work"
mkdir -p "$image/bin" "$image/lib" "$image/share/man/man1" "$image/share/bash-completion/completions" \
  "$image/share/zsh/site-functions" "$out"

# 1. the runtime: the modules jdeps finds in the shaded jar, plus jdk.charsets (terminal and file encodings such
#    as EUC-JP or Shift_JIS that java.base lacks). No debug symbols, headers or man pages; a default CDS archive.
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --multi-release 25 --print-module-deps "$jar")
modules="$modules,jdk.charsets"
echo "release: jlink runtime with $modules"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$image/runtime"
rm -f "$image/runtime/lib/server/classes_nocoops.jsa" # for heaps over 32 GB only

# 2. launcher, jar, documentation
install -m 755 "$dist/linux/bin/shipctl" "$image/bin/shipctl"
install -m 644 "$jar" "$image/lib/shipctl.jar"
install -m 644 "$man"/*.1 "$image/share/man/man1/"
install -m 644 "$root/README.md" "$image/README.md"
if [ -f "$root/LICENSE" ]; then install -m 644 "$root/LICENSE" "$image/LICENSE"; fi
# the completion scripts, printed by the shipctl just assembled (its own runtime, no startup cache yet)
SHIPCTL_AOT=0 "$image/bin/shipctl" completion bash > "$image/share/bash-completion/completions/shipctl"
SHIPCTL_AOT=0 "$image/bin/shipctl" completion zsh > "$image/share/zsh/site-functions/_shipctl"

# 3. the startup caches: training runs (the one-shot verbs against a sandbox on loopback; plain runs, then also --json
#    runs and help), with the image's own java and the flags bin/shipctl uses; then a run that must use each
#    (AOTMode=on fails when the cache does not fit)
echo "release: training the startup caches"
java=("$image/runtime/bin/java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED)
log="$work/training.log"
: >"$log"
for cache in shipctl shipctl-json; do
  train=(bench train)
  [ "$cache" = shipctl-json ] && train+=(--json)
  if ! "${java[@]}" -XX:AOTCacheOutput="$image/lib/$cache.aot" -Xlog:disable -Xlog:all=off \
         -cp "$image/lib/shipctl.jar" dev.shipctl.cli.Main "${train[@]}" >>"$log" 2>&1 \
     || ! "${java[@]}" -XX:AOTCache="$image/lib/$cache.aot" -XX:AOTMode=on \
         -cp "$image/lib/shipctl.jar" dev.shipctl.cli.Main --version >>"$log" 2>&1; then
    cat "$log" >&2
    echo "release: the startup cache $cache.aot could not be made (log above)" >&2
    exit 1
  fi
  rm -f "$image/lib/$cache.aot.config"
  chmod 644 "$image/lib/$cache.aot"
done

# 4. the tarball (one folder, owned by root in the archive, modes and times kept: the cache checks the jar's time)
tar -C "$work" --owner=0 --group=0 --numeric-owner -czf "$out/$name-linux-x64.tar.gz" "$name"

# 5. the .deb: the same image under /opt/shipctl, /usr/bin/shipctl, man pages and completion where Debian keeps them
deb="$work/deb"
mkdir -p "$deb/DEBIAN" "$deb/opt" "$deb/usr/bin" "$deb/usr/share/man/man1" "$deb/usr/share/bash-completion/completions" \
  "$deb/usr/share/zsh/vendor-completions" "$deb/usr/share/doc/shipctl"
cp -a "$image" "$deb/opt/shipctl"
ln -s /opt/shipctl/bin/shipctl "$deb/usr/bin/shipctl"
for page in "$image"/share/man/man1/*.1; do gzip -9n < "$page" > "$deb/usr/share/man/man1/$(basename "$page").gz"; done
install -m 644 "$image/share/bash-completion/completions/shipctl" "$deb/usr/share/bash-completion/completions/shipctl"
install -m 644 "$image/share/zsh/site-functions/_shipctl" "$deb/usr/share/zsh/vendor-completions/_shipctl"
install -m 644 "$dist/linux/copyright" "$deb/usr/share/doc/shipctl/copyright"
deb_version=${version//-/\~} # 0.1.0-SNAPSHOT sorts before 0.1.0
cat > "$deb/DEBIAN/control" <<CONTROL
Package: shipctl
Version: $deb_version
Architecture: amd64
Maintainer: ${DEB_MAINTAINER:-shipctl developers <shipctl@example.invalid>}
Installed-Size: $(du -sk --exclude=DEBIAN "$deb" | cut -f1)
Depends: libc6
Section: admin
Priority: optional
Description: headless client for Phantasy Star Online Blue Burst servers
 Administer a Tethealla-family or newserv server from a terminal, a script or
 cron (announce, reload GM lists, kick, ban, GM commands) and check it as a
 player would see it. Brings its own Java runtime (/opt/shipctl/runtime).
CONTROL
find "$deb" -type d -exec chmod 755 {} +
dpkg-deb --root-owner-group -Zgzip -z9 --build "$deb" "$out/shipctl_${version}_amd64.deb" >/dev/null

# 6. the runnable jar, and the checksums of every artifact
install -m 644 "$jar" "$out/$name.jar"
(cd "$out" && sha256sum -- "$name.jar" "$name-linux-x64.tar.gz" "shipctl_${version}_amd64.deb" "$name-windows.zip" > SHA256SUMS)
echo "release: $(cd "$out" && ls -1 | tr '\n' ' ')in $out"
