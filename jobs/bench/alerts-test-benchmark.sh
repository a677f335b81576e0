#!/usr/bin/env bash
# Benchmark of `vigie alerts test` on a watch with many indexed mentions (default 200,000). Prints numbers.
#
#   jobs/bench/alerts-test-benchmark.sh            # 200,000 mentions
#   jobs/bench/alerts-test-benchmark.sh 50000
#   jobs/bench/alerts-test-benchmark.sh 200000 bench-alerts-xyz   # reuse the mentions a previous run indexed
#
# Uses the Elasticsearch node at $VIGIE_TEST_ES_URL, else starts one from deploy/elasticsearch/target (built by
# `mvn -B install -DskipTests`). The mentions stay in that node's vigie-mentions (watch bench-alerts-*).
set -euo pipefail
exec "$(dirname "$0")/java-main.sh" alerts-test dev.vigie.jobs.run.AlertsTestBenchmark "$@"
