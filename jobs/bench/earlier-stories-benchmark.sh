#!/usr/bin/env bash
# Benchmark of the story stage's look-up of earlier copies against a watch with many indexed mentions. Prints
# numbers; see README, "Running a watch".
#
#   jobs/bench/earlier-stories-benchmark.sh                    # 200,000 earlier mentions, batches of 10,000, 30 % copies
#   jobs/bench/earlier-stories-benchmark.sh 50000 5000 0.5 2   # EARLIER BATCH COPY_SHARE ROUNDS
#
# Uses the Elasticsearch node at $VIGIE_TEST_ES_URL, else starts one from deploy/elasticsearch/target (built by
# `mvn -B install -DskipTests`). The benchmark's mentions stay in that node's vigie-mentions (watch bench-earlier-*).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
mvn -B -q -o -pl jobs -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$ROOT/jobs/target/earlier-bench-classpath.txt" >&2
SNAPSHOT="$ROOT/jobs/target/earlier-bench-classes"
rm -rf "$SNAPSHOT" && mkdir -p "$SNAPSHOT"
cp -r "$ROOT/jobs/target/test-classes" "$SNAPSHOT/test" && cp -r "$ROOT/jobs/target/classes" "$SNAPSHOT/main"
ES_HOME="$(ls -d "$ROOT"/deploy/elasticsearch/target/elasticsearch-* | head -n 1)"
exec java -Xmx"${VIGIE_BENCH_HEAP:-2g}" -Dvigie.es.home="$ES_HOME" \
    -cp "$SNAPSHOT/test:$SNAPSHOT/main:$(cat "$ROOT/jobs/target/earlier-bench-classpath.txt")" \
    dev.vigie.jobs.run.EarlierStoriesBenchmark "$@"
