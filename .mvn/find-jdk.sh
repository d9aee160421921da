# Sourced by ./mvnw, ./shipctl and .ci/run: makes JAVA_HOME point at a JDK 25 or newer.
# Order: $JAVA_HOME if it is one; the JDK of `javac` on the PATH if it is one; else the newest
# JDK >= 25 in the system's JVM folders. Fails with a clear message when there is none.
shipctl_jdk_major() {
  local home=$1 v="" line
  [ -x "$home/bin/javac" ] || return 1
  if [ -f "$home/release" ]; then # read by the shell itself: no process per JDK looked at
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in
        JAVA_VERSION=\"*) v=${line#JAVA_VERSION=\"}; v=${v%%[!0-9]*}; break ;;
      esac
    done <"$home/release"
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  [ -n "$v" ] && echo "$v"
}

shipctl_find_jdk() {
  local want=25 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && major=$(shipctl_jdk_major "$JAVA_HOME") && [ "$major" -ge "$want" ]; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(readlink -f "$(command -v javac)")
    candidate=${candidate%/*}
    candidate=${candidate%/*} # <jdk>/bin/javac -> <jdk>
    if major=$(shipctl_jdk_major "$candidate") && [ "$major" -ge "$want" ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$candidate" ] || continue
    major=$(shipctl_jdk_major "$candidate") || continue
    if [ "$major" -ge "$want" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -n "$best" ]; then
    export JAVA_HOME="$best"
    return 0
  fi
  echo "shipctl: no JDK 25 or newer found (looked at JAVA_HOME, javac on the PATH, /usr/lib/jvm and the usual folders)." >&2
  echo "shipctl: install one (e.g. Temurin 25) or set JAVA_HOME to it." >&2
  return 1
}

shipctl_find_jdk || exit 1
