#!/usr/bin/env bash
# Benchmark of the run job (cold as vigie run, warm as vigie serve) and of the Elasticsearch sink against raw _bulk.
# Prints items/s, ratios to raw _bulk, time and CPU time per stage; see docs/performance.md, "The run job and the
# Elasticsearch sink".
#
#   jobs/bench/run-benchmark.sh 10000          # N items, parallelism = cores
#   jobs/bench/run-benchmark.sh 100000 2       # N items, parallelism 2
#   jobs/bench/run-benchmark.sh 10000 2 8      # and 8 rounds of sink vs raw _bulk (default 6)
#
# Uses the Elasticsearch node at $VIGIE_TEST_ES_URL, else starts one from deploy/elasticsearch/target (built by
# `mvn -B install -DskipTests`). The JVM gets a 2 GB heap (VIGIE_BENCH_HEAP to change it).
set -euo pipefail
exec "$(dirname "$0")/java-main.sh" run dev.vigie.jobs.bench.RunBenchmark "$@"
