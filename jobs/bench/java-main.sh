#!/usr/bin/env bash
# Runs a main class of the jobs module's test code (the benchmarks of this folder) on a snapshot of the build:
# the class folders of jobs and of every module on its class path are copied first, so that a build while a long
# benchmark runs cannot pull classes from under it.
#
#   jobs/bench/java-main.sh NAME MAIN_CLASS [ARGS...]      # NAME: the snapshot folder, jobs/target/NAME-bench
#
# The JVM gets Flink's --add-opens, a 2 GB heap (VIGIE_BENCH_HEAP to change it) and the Elasticsearch distribution
# the build prepared (a node is started from it when a benchmark needs one and VIGIE_TEST_ES_URL is not set).
set -euo pipefail
NAME="$1"
MAIN="$2"
shift 2
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SNAPSHOT="$ROOT/jobs/target/$NAME-bench"
rm -rf "$SNAPSHOT" && mkdir -p "$SNAPSHOT"
mvn -B -q -o -pl jobs -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$SNAPSHOT/classpath.txt" >&2
cp -r "$ROOT/jobs/target/test-classes" "$SNAPSHOT/jobs-test" && cp -r "$ROOT/jobs/target/classes" "$SNAPSHOT/jobs-main"
CP="$SNAPSHOT/jobs-test:$SNAPSHOT/jobs-main"
IFS=: read -r -a ENTRIES <<< "$(cat "$SNAPSHOT/classpath.txt")"
n=0
for entry in "${ENTRIES[@]}"; do
  if [ -d "$entry" ]; then
    n=$((n + 1))
    cp -r "$entry" "$SNAPSHOT/module-$n"
    CP="$CP:$SNAPSHOT/module-$n"
  else
    CP="$CP:$entry"
  fi
done
OPENS="$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)"
ES_HOME="$(ls -d "$ROOT"/deploy/elasticsearch/target/elasticsearch-* 2>/dev/null | head -n 1 || true)"
# shellcheck disable=SC2086
exec java -Xmx"${VIGIE_BENCH_HEAP:-2g}" $OPENS ${ES_HOME:+-Dvigie.es.home="$ES_HOME"} -cp "$CP" "$MAIN" "$@"
