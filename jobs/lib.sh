# Sourced by the scripts in jobs/: builds the project when needed and runs a main class on
# embedded Spark with the JVM flags Spark needs on Java 17 (jobs/spark-jvm.options).
set -euo pipefail

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_STAMP="$PROJECT_ROOT/target/.jobs-built"

# Builds with Maven on first use, and again whenever a source or the pom is newer than the build.
ensure_built() {
  if [[ ! -f "$BUILD_STAMP" ]] \
    || [[ -n "$(find "$PROJECT_ROOT/src/main" "$PROJECT_ROOT/pom.xml" -newer "$BUILD_STAMP" -print -quit)" ]]; then
    echo "Building the project with Maven (first use, or the sources changed)..." >&2
    (cd "$PROJECT_ROOT" && mvn -q -B -DskipTests package) >&2
    touch "$BUILD_STAMP"
  fi
}

# run_main CLASS ARGS...: runs CLASS with the project and Spark on the classpath.
run_main() {
  ensure_built
  local main_class="$1"
  shift
  local classpath="$PROJECT_ROOT/target/classes:$(cat "$PROJECT_ROOT/target/classpath.txt")"
  # Embedded Spark talks to itself only: bind to loopback, not to whichever interface the host name resolves to.
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  exec java ${JAVA_OPTS:-} @"$PROJECT_ROOT/jobs/spark-jvm.options" -cp "$classpath" "$main_class" "$@"
}
