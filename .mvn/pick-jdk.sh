# Sourced by ./mvnw. The build needs a JDK 21+ (the server's baseline; the CLI and the till are
# still compiled for 17). When JAVA_HOME is unset or older, use the newest JDK 21+ installed in
# the usual place, so the README's commands work on a machine whose default java is 17.
flashsale_jdk_major() {
  sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true
}
flashsale_home="${JAVA_HOME-}"
if [ -z "$flashsale_home" ] && command -v java >/dev/null 2>&1; then
  flashsale_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
flashsale_major="$(flashsale_jdk_major "$flashsale_home")"
if [ "${flashsale_major:-0}" -lt 21 ]; then
  set +f # mvnw runs with globbing off
  for flashsale_candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    flashsale_m="$(flashsale_jdk_major "$flashsale_candidate")"
    if [ "${flashsale_m:-0}" -ge 21 ] && [ "${flashsale_m:-0}" -gt "${flashsale_best_major:-0}" ]; then
      flashsale_best_major="$flashsale_m"
      flashsale_best="$flashsale_candidate"
    fi
  done
  set -f
  if [ -n "${flashsale_best-}" ]; then
    JAVA_HOME="$flashsale_best"
    export JAVA_HOME
    [ "${MVNW_VERBOSE-}" != true ] || echo "mvnw: using JDK $flashsale_best_major at $JAVA_HOME" >&2
  fi
fi
