# Sourced by jobs/lib.sh (runs from the source tree) and by a release's bin/analyze (runs from the
# installed jars): starts a main class on embedded Spark with the JVM flags Spark needs on Java 17,
# C1 only for small local inputs, and an application class-data archive. Defines functions only.

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

# cds_key CLASS CLASSPATH: what a class-data archive depends on beyond what the JVM checks itself:
# which java, the class path and the size and time of each of its jars. (The JVM also rejects an
# archive made with other layout flags, e.g. a heap over 32 GB without compressed oops;
# -Xshare:auto then runs without it.)
cds_key() {
  local java_bin jars
  java_bin="$(readlink -f "$(command -v "${JAVA_HOME:+$JAVA_HOME/bin/}java")")"
  IFS=: read -r -a jars <<<"$2"
  printf '%s\n' "$java_bin" "$1" "$2" "$(stat -c '%Y %s' "$java_bin" "${jars[@]}")" | cksum | cut -d' ' -f1
}

# archive_ready DIR CLASS CLASSPATH: whether DIR holds a class-data archive of CLASS for this class path.
archive_ready() {
  local archive="$1/$(basename "$2").jsa"
  [[ -f "$archive" && "$(cat "$archive.key" 2>/dev/null)" == "$(cds_key "$2" "$3")" ]]
}

# picks_collector FLAGS...: whether the caller's JVM flags name a garbage collector. If not, the
# launcher picks the parallel collector: a batch job wants throughput, not G1's short pauses.
# Measured through the launcher, whole process, alternated pairs, medians: 1M exchanges 0.94x the
# CPU of G1 (3 pairs, 0.940-0.953; wall 0.98x) and a lower peak; 10k exchanges the same (5 pairs,
# CPU 0.98x, wall 1.00x). A second collector flag would stop the JVM, so a caller's choice wins.
picks_collector() {
  local flag
  for flag in "$@"; do
    [[ "$flag" == -XX:+Use*GC ]] && return 0
  done
  return 1
}

# launch_main OPTIONS_FILE ARCHIVE_DIR CLASS CLASSPATH ARGS...: runs CLASS with ARGS on CLASSPATH
# (jars only) in place of the calling shell (exec), or, on the run that records an archive, as a
# child whose exit status it returns: call it last. OPTIONS_FILE: the JVM flags Spark needs (spark-jvm.options).
# JAVA_OPTS is added as it is; the array LAUNCH_JVM_FLAGS, if set, too (for values with spaces).
#
# Start-up: a JVM loads and verifies some 15 000 classes of Spark and its libraries on every run.
# With an ARCHIVE_DIR, the first run records them into an application class-data archive there
# (AppCDS, -XX:ArchiveClassesAtExit; needs a class path of jars only); later runs map that archive
# (-XX:SharedArchiveFile) instead of parsing and verifying the classes again, as long as the jars and
# the java are unchanged. -Xshare:auto: a JVM that rejects the archive runs without it;
# -Xlog:cds*=off: silently (the JVM would warn on standard output). An empty ARCHIVE_DIR, or one
# that cannot be created, runs without any archive. Measured, whole process: a 10k-exchange run
# 0.74x the wall time and 0.80x the CPU of a run without the archive, a trivial Spark job 0.61x the
# CPU. The recording run pays for the dump at exit (30-60 s on 2 busy cores; about 170 MB).
launch_main() {
  local options_file="$1" archive_dir="$2" main_class="$3" classpath="$4"
  shift 4
  # Embedded Spark talks to itself only: bind to loopback, not to whichever interface the host name resolves to.
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  local java=("${JAVA_HOME:+$JAVA_HOME/bin/}java" ${JAVA_OPTS:-} ${LAUNCH_JVM_FLAGS[@]+"${LAUNCH_JVM_FLAGS[@]}"} @"$options_file")
  if small_local_input "$@"; then
    java+=(-XX:TieredStopAtLevel=1)
  fi
  if ! picks_collector ${JAVA_OPTS:-} ${LAUNCH_JVM_FLAGS[@]+"${LAUNCH_JVM_FLAGS[@]}"}; then
    java+=(-XX:+UseParallelGC)
  fi
  if [[ -z "$archive_dir" ]] || ! mkdir -p "$archive_dir" 2>/dev/null || [[ ! -w "$archive_dir" ]]; then
    exec "${java[@]}" -cp "$classpath" "$main_class" "$@"
  fi
  local archive="$archive_dir/$(basename "$main_class").jsa"
  if archive_ready "$archive_dir" "$main_class" "$classpath"; then
    exec "${java[@]}" -Xshare:auto -XX:SharedArchiveFile="$archive" -Xlog:cds*=off -cp "$classpath" "$main_class" "$@"
  fi
  # No archive for these jars yet: record one while this run runs, unless it only prints help or version.
  local arg
  for arg in "$@"; do
    if [[ "$arg" == -h || "$arg" == --help || "$arg" == --version ]]; then
      exec "${java[@]}" -cp "$classpath" "$main_class" "$@"
    fi
  done
  local key recording="$archive.$$" status=0
  key="$(cds_key "$main_class" "$classpath")"
  "${java[@]}" -XX:ArchiveClassesAtExit="$recording" -Xlog:cds*=off \
    -cp "$classpath" "$main_class" "$@" || status=$?
  # Keep the archive of a successful run only (a failed one may have stopped before loading Spark).
  if [[ $status -eq 0 && -s "$recording" ]]; then
    echo "$key" >"$recording.key" && mv -f "$recording.key" "$archive.key" && mv -f "$recording" "$archive" || true
  fi
  rm -f "$recording" "$recording.key"
  return $status
}
