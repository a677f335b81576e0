#!/usr/bin/env bash
# Benchmark of the run job and the Elasticsearch sink. Prints numbers; see docs/performance.md, "The run job and the Elasticsearch sink".
#
#   jobs/bench/run-benchmark.sh 10000          # N items, parallelism = cores
#   jobs/bench/run-benchmark.sh 100000 2       # N items, parallelism 2
#   jobs/bench/run-benchmark.sh 10000 2 8      # and 8 rounds of sink vs raw _bulk (default 6)
#
# Uses the Elasticsearch node at $VIGIE_TEST_ES_URL, else starts one from deploy/elasticsearch/target (built by
# `mvn -B install -DskipTests`). The JVM gets a 2 GB heap (VIGIE_BENCH_HEAP to change it).
set -euo pipefail
exec "$(dirname "$0")/java-main.sh" run dev.vigie.jobs.bench.RunBenchmark "$@"
