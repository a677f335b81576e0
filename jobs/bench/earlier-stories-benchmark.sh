#!/usr/bin/env bash
# Benchmark of the story stage's look-up of earlier copies against a watch with many indexed mentions. Prints
# numbers; see docs/performance.md, "Earlier copies on a large index".
#
#   jobs/bench/earlier-stories-benchmark.sh                    # 200,000 earlier mentions, batches of 10,000, 30 % copies
#   jobs/bench/earlier-stories-benchmark.sh 50000 5000 0.5 2   # EARLIER BATCH COPY_SHARE ROUNDS
#
# Uses the Elasticsearch node at $VIGIE_TEST_ES_URL, else starts one from deploy/elasticsearch/target (built by
# `mvn -B install -DskipTests`). The benchmark's mentions stay in that node's vigie-mentions (watch bench-earlier-*).
set -euo pipefail
exec "$(dirname "$0")/java-main.sh" earlier-stories dev.vigie.jobs.run.EarlierStoriesBenchmark "$@"
