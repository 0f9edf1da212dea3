# Sourced by the scripts in jobs/: builds the project when needed and runs a main class on
# embedded Spark with the JVM flags Spark needs on Java 17 (jobs/spark-jvm.options).
set -euo pipefail

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_STAMP="$PROJECT_ROOT/target/.jobs-built"
# The launcher's own files: our classes as one jar, and the class-data archive (see run_main).
JOBS_DIR="$PROJECT_ROOT/target/jobs"
APP_JAR="$JOBS_DIR/classes.jar"

# Builds with Maven on first use, and again whenever a source or the pom is newer than the build.
ensure_built() {
  if [[ ! -f "$BUILD_STAMP" ]] \
    || [[ -n "$(find "$PROJECT_ROOT/src/main" "$PROJECT_ROOT/pom.xml" -newer "$BUILD_STAMP" -print -quit)" ]]; then
    echo "Building the project with Maven (first use, or the sources changed)..." >&2
    (cd "$PROJECT_ROOT" && mvn -q -B -DskipTests package) >&2
    touch "$BUILD_STAMP"
  fi
}

# Packs target/classes into $APP_JAR when a class or resource changed. Class-data
# sharing refuses a non-empty directory on the class path, so the launcher runs from this jar.
# Prints the class path entry for our classes: the jar, or target/classes if no jar tool is found.
app_classes() {
  local classes="$PROJECT_ROOT/target/classes" jar_tool
  jar_tool="$(command -v "${JAVA_HOME:+$JAVA_HOME/bin/}jar" || true)"
  if [[ -z "$jar_tool" ]]; then
    echo "$classes"
    return
  fi
  local checked="$APP_JAR.checked"
  if [[ ! -f "$APP_JAR" || ! -f "$checked" ]] || [[ -n "$(find "$classes" -newer "$checked" -print -quit)" ]]; then
    mkdir -p "$JOBS_DIR"
    touch "$checked"
    # A fixed entry date makes the jar depend on the files only: a build that rewrote them unchanged
    # (Maven copies resources on every build) keeps the jar as it is, hence its archive.
    if ! "$jar_tool" --create --file "$APP_JAR.$$" --date=2000-01-01T00:00:00Z -C "$classes" .; then
      rm -f "$APP_JAR.$$" "$checked"
      echo "$classes"
      return
    fi
    if cmp -s "$APP_JAR.$$" "$APP_JAR"; then
      rm -f "$APP_JAR.$$"
    else
      mv -f "$APP_JAR.$$" "$APP_JAR"
      rm -f "$JOBS_DIR"/*.jsa "$JOBS_DIR"/*.jsa.key # made for the old jar
    fi
  fi
  echo "$APP_JAR"
}

# What a class-data archive depends on beyond what the JVM checks itself: which java, which
# class path. (The JVM also rejects an archive made with other layout flags, e.g. a heap over 32 GB
# without compressed oops; -Xshare:auto then runs without it.)
cds_key() {
  local java_bin
  java_bin="$(readlink -f "$(command -v "${JAVA_HOME:+$JAVA_HOME/bin/}java")")"
  printf '%s\n' "$java_bin" "$(stat -c '%Y %s' "$java_bin" "$APP_JAR" "$PROJECT_ROOT/target/classpath.txt")" \
    "$1" | cksum | cut -d' ' -f1
}

# launcher_archive_ready CLASS: whether run_main CLASS finds a class-data archive for the current build.
launcher_archive_ready() {
  local app archive="$JOBS_DIR/$(basename "$1").jsa"
  app="$(app_classes)"
  [[ "$app" == "$APP_JAR" && -f "$archive" && "$(cat "$archive.key" 2>/dev/null)" == "$(cds_key "$1")" ]]
}

# Inputs under this many bytes run with C1 only (see small_local_input).
SMALL_INPUT_BYTES=$((256 * 1024 * 1024))

# small_local_input ARGS...: whether every --input path is on the local disk and together they hold
# fewer than SMALL_INPUT_BYTES. Such a run lasts seconds: most of its code runs too briefly to repay
# C2, whose compiler threads take a third of the CPU on 2 cores, so it runs with C1 only
# (-XX:TieredStopAtLevel=1). A longer run spends its time in the read's hot loop, which C2 compiles
# better. Measured through the launcher, whole process, medians: 10k exchanges (16 MB) 7.96 s with
# C1 against 9.96 s with both compilers; 1M exchanges (1.5 GB) 37.6 s with C1 against 33.3 s.
# A remote or unmatched path (hdfs://, s3a://, a quoted glob) counts as large.
small_local_input() {
  local total=0 reading=0 arg size
  for arg in "$@"; do
    case "$arg" in
      --input) reading=1; continue ;;
      --*) reading=0 ;;
    esac
    if ((reading)); then
      [[ -e "$arg" ]] || return 1
      size="$(du -sbL -- "$arg" 2>/dev/null | cut -f1)" || return 1
      total=$((total + ${size:-0}))
    fi
  done
  ((total > 0 && total < SMALL_INPUT_BYTES))
}

# run_main CLASS ARGS...: runs CLASS with the project and Spark on the classpath.
#
# Start-up: a JVM loads and verifies some 15 000 classes of Spark and its libraries on every run.
# The first run after a build records them into an application class-data archive (AppCDS,
# -XX:ArchiveClassesAtExit; needs our classes in a jar, see app_classes); later runs map that
# archive (-XX:SharedArchiveFile) instead of parsing and verifying the classes again, as long as
# the jar, the class path and the java are unchanged. -Xshare:auto: a JVM that rejects
# the archive runs without it; -Xlog:cds*=off: silently (the JVM would warn on standard output).
# Set JOBS_CDS=off to run without any archive. Measured, whole process: a 10k-exchange run 0.74x
# the wall time and 0.80x the CPU of a run without the archive, a trivial Spark job 0.61x the CPU.
# The recording run pays for the dump at exit (30-60 s on 2 busy cores; about 170 MB in target/jobs).
run_main() {
  ensure_built
  local main_class="$1"
  shift
  local app classpath
  app="$(app_classes)"
  classpath="$app:$(cat "$PROJECT_ROOT/target/classpath.txt")"
  # Embedded Spark talks to itself only: bind to loopback, not to whichever interface the host name resolves to.
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  local java=(java ${JAVA_OPTS:-} @"$PROJECT_ROOT/jobs/spark-jvm.options")
  if small_local_input "$@"; then
    java+=(-XX:TieredStopAtLevel=1)
  fi
  if [[ "${JOBS_CDS:-on}" == off || "$app" != "$APP_JAR" ]]; then
    exec "${java[@]}" -cp "$classpath" "$main_class" "$@"
  fi
  local key archive
  key="$(cds_key "$main_class")"
  archive="$JOBS_DIR/$(basename "$main_class").jsa"
  if launcher_archive_ready "$main_class"; then
    exec "${java[@]}" -Xshare:auto -XX:SharedArchiveFile="$archive" -Xlog:cds*=off -cp "$classpath" "$main_class" "$@"
  fi
  # No archive for this jar yet: record one while this run runs, unless it only prints help or the
  # version (an archive of such a run would hold none of Spark's classes).
  local arg
  for arg in "$@"; do
    [[ "$arg" == -h || "$arg" == --help || "$arg" == --version ]] && exec "${java[@]}" -cp "$classpath" "$main_class" "$@"
  done
  local recording="$archive.$$" status=0
  "${java[@]}" -XX:ArchiveClassesAtExit="$recording" -Xlog:cds*=off \
    -cp "$classpath" "$main_class" "$@" || status=$?
  # Keep the archive of a successful run only (a failed one may have stopped before loading Spark).
  if [[ $status -eq 0 && -s "$recording" ]]; then
    echo "$key" >"$recording.key" && mv -f "$recording.key" "$archive.key" && mv -f "$recording" "$archive" || true
  fi
  rm -f "$recording" "$recording.key"
  return $status
}
