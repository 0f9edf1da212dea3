# Sourced by the scripts in jobs/: builds the project when needed and runs a main class on
# embedded Spark with the JVM flags Spark needs on Java 17 (jobs/spark-jvm.options), through the
# launcher a release's bin/analyze uses too (jobs/launcher.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/launcher.sh"

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_STAMP="$PROJECT_ROOT/target/.jobs-built"
# The launcher's own files: our classes as one jar, and the class-data archive (see run_main).
JOBS_DIR="$PROJECT_ROOT/target/jobs"
APP_JAR="$JOBS_DIR/classes.jar"

# Builds with Maven on first use, and again whenever a source or the pom is newer than the build.
# The release archive is not needed here and not built (it packs some 300 MB of jars).
ensure_built() {
  if [[ ! -f "$BUILD_STAMP" ]] \
    || [[ -n "$(find "$PROJECT_ROOT/src/main" "$PROJECT_ROOT/pom.xml" -newer "$BUILD_STAMP" -print -quit)" ]]; then
    echo "Building the project with Maven (first use, or the sources changed)..." >&2
    (cd "$PROJECT_ROOT" && mvn -q -B -DskipTests -Dassembly.skipAssembly=true package) >&2
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

# The embedded class path: our classes (as a jar when possible, see app_classes), then Spark and
# our libraries from the local Maven repository.
embedded_classpath() {
  echo "$(app_classes):$(cat "$PROJECT_ROOT/target/classpath.txt")"
}

# launcher_archive_ready CLASS: whether run_main CLASS finds a class-data archive for the current build.
launcher_archive_ready() {
  local classpath
  classpath="$(embedded_classpath)"
  [[ "$classpath" == "$APP_JAR:"* ]] && archive_ready "$JOBS_DIR" "$1" "$classpath"
}

# run_main CLASS ARGS...: runs CLASS with the project and Spark on the classpath (see launch_main in
# jobs/launcher.sh), with a class-data archive in target/jobs unless JOBS_CDS=off or our classes
# could not be packed into a jar.
run_main() {
  ensure_built
  local main_class="$1" classpath archive_dir="$JOBS_DIR"
  shift
  classpath="$(embedded_classpath)"
  if [[ "${JOBS_CDS:-on}" == off || "$classpath" != "$APP_JAR:"* ]]; then
    archive_dir=""
  fi
  launch_main "$PROJECT_ROOT/jobs/spark-jvm.options" "$archive_dir" "$main_class" "$classpath" "$@"
}

# compare_reports TOOL LABEL REFERENCE DIR: every report CSV and the quarantine file of the output
# directory REFERENCE must be byte-equal in DIR, and DIR may have no other report CSV. Names each
# missing, differing or extra file on stderr (prefixed TOOL) and returns 1 if there is any, or if
# REFERENCE holds fewer than 7 files to compare. Sets COMPARED to the number of files compared.
compare_reports() {
  local tool="$1" label="$2" reference="$3" dir="$4" mismatches=0 ref_file relative other_file
  COMPARED=0
  for ref_file in "$reference"/reports/*.csv "$reference/quarantine/records.jsonl"; do
    relative="${ref_file#"$reference/"}"
    other_file="$dir/$relative"
    COMPARED=$((COMPARED + 1))
    if [[ ! -f "$other_file" ]]; then
      echo "$tool: MISSING in the $label run: $relative" >&2
      mismatches=$((mismatches + 1))
    elif ! cmp -s "$ref_file" "$other_file"; then
      echo "$tool: DIFFERS from the embedded run in the $label run: $relative" >&2
      diff <(head -c 100000 "$ref_file") <(head -c 100000 "$other_file") | head -n 10 >&2 || true
      mismatches=$((mismatches + 1))
    fi
  done
  if ((COMPARED < 7)); then
    echo "$tool: the embedded run wrote only $COMPARED report files" >&2
    return 1
  fi
  for other_file in "$dir"/reports/*.csv; do
    if [[ ! -f "$reference/reports/$(basename "$other_file")" ]]; then
      echo "$tool: EXTRA in the $label run: $(basename "$other_file")" >&2
      mismatches=$((mismatches + 1))
    fi
  done
  if ((mismatches)); then
    echo "$tool: $mismatches of $COMPARED report files differ between the $label and the embedded run" >&2
    return 1
  fi
}
