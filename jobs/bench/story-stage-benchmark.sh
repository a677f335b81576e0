#!/usr/bin/env bash
# Benchmark of the run job's story stage, before and after it was made to scale. Prints numbers; see README,
# "Running a watch".
#
#   jobs/bench/story-stage-benchmark.sh                      # 100,000 mentions, 30 % copies, parallelism 2
#   jobs/bench/story-stage-benchmark.sh 20000 0.5 2 http://127.0.0.1:9200 2 300   # ..., ES, rounds, words
#
# The story stage asks Elasticsearch for earlier copies: it uses the node at the given URL, else $VIGIE_TEST_ES_URL,
# else http://127.0.0.1:9200 (deploy/local/elasticsearch.sh start). The JVM gets a 2 GB heap (VIGIE_BENCH_HEAP).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
mvn -B -q -o -pl jobs -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$ROOT/jobs/target/story-bench-classpath.txt" >&2
# A copy of the compiled classes, so that a build during a long benchmark does not pull classes from under it.
SNAPSHOT="$ROOT/jobs/target/story-bench-classes"
rm -rf "$SNAPSHOT" && mkdir -p "$SNAPSHOT"
cp -r "$ROOT/jobs/target/test-classes" "$SNAPSHOT/test" && cp -r "$ROOT/jobs/target/classes" "$SNAPSHOT/main"
OPENS="$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)"
# shellcheck disable=SC2086
exec java -Xmx"${VIGIE_BENCH_HEAP:-2g}" $OPENS \
    -cp "$SNAPSHOT/test:$SNAPSHOT/main:$(cat "$ROOT/jobs/target/story-bench-classpath.txt")" \
    dev.vigie.jobs.run.StoryStageBenchmark "$@"
