# Sourced by Kiln's scripts: selects the Java 25 JDK, or stops with a clear message.
# Honours KILN_JAVA_HOME, then a JAVA_HOME that already is Java 25, then the machine's Temurin 25.
kiln_java_ok() { [[ -x "$1/bin/java" ]] && "$1/bin/java" -version 2>&1 | grep -q 'version "25'; }
if [[ -n "${KILN_JAVA_HOME:-}" ]] && kiln_java_ok "$KILN_JAVA_HOME"; then
  export JAVA_HOME="$KILN_JAVA_HOME"
elif [[ -n "${JAVA_HOME:-}" ]] && kiln_java_ok "$JAVA_HOME"; then
  export JAVA_HOME
else
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/temurin-25-jdk \
                   /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-25-openjdk; do
    if kiln_java_ok "$candidate"; then export JAVA_HOME="$candidate"; break; fi
  done
fi
if ! kiln_java_ok "${JAVA_HOME:-/nonexistent}"; then
  echo "Kiln needs a Java 25 JDK: none found. Install Temurin 25 (/usr/lib/jvm/temurin-25-jdk-amd64) or set KILN_JAVA_HOME." >&2
  exit 3
fi
