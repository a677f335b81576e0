#!/usr/bin/env bash
# Benchmark of the run job and the Elasticsearch sink. Prints numbers; see README, "Running a watch".
#
#   jobs/bench/run-benchmark.sh 10000          # N items, parallelism = cores
#   jobs/bench/run-benchmark.sh 100000 2       # N items, parallelism 2
#   jobs/bench/run-benchmark.sh 10000 2 8      # and 8 rounds of sink vs raw _bulk (default 6)
#
# Uses the Elasticsearch node at $VIGIE_TEST_ES_URL, else starts one from deploy/elasticsearch/target (built by
# `mvn -B install -DskipTests`). The JVM gets a 2 GB heap (VIGIE_BENCH_HEAP to change it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
mvn -B -q -o -pl jobs -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$ROOT/jobs/target/bench-classpath.txt" >&2
# A copy of the compiled classes, so that a build during a long benchmark does not pull classes from under it.
SNAPSHOT="$ROOT/jobs/target/bench-classes"
rm -rf "$SNAPSHOT" && mkdir -p "$SNAPSHOT"
cp -r "$ROOT/jobs/target/test-classes" "$SNAPSHOT/test" && cp -r "$ROOT/jobs/target/classes" "$SNAPSHOT/main"
OPENS="$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)"
ES_HOME="$(ls -d "$ROOT"/deploy/elasticsearch/target/elasticsearch-* | head -n 1)"
# shellcheck disable=SC2086
exec java -Xmx"${VIGIE_BENCH_HEAP:-2g}" $OPENS -Dvigie.es.home="$ES_HOME" \
    -cp "$SNAPSHOT/test:$SNAPSHOT/main:$(cat "$ROOT/jobs/target/bench-classpath.txt")" \
    dev.vigie.jobs.bench.RunBenchmark "$@"
