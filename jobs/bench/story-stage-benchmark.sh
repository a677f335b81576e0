#!/usr/bin/env bash
# Benchmark of the run job's story stage, before and after it was made to scale. Prints numbers; see
# docs/performance.md, "The story stage".
#
#   jobs/bench/story-stage-benchmark.sh                      # 100,000 mentions, 30 % copies, parallelism 2
#   jobs/bench/story-stage-benchmark.sh 20000 0.5 2 http://127.0.0.1:9200 2 300   # ..., ES, rounds, words
#
# The story stage asks Elasticsearch for earlier copies: it uses the node at the given URL, else $VIGIE_TEST_ES_URL,
# else http://127.0.0.1:9200 (deploy/local/elasticsearch.sh start). The JVM gets a 2 GB heap (VIGIE_BENCH_HEAP).
set -euo pipefail
exec "$(dirname "$0")/java-main.sh" story-stage dev.vigie.jobs.run.StoryStageBenchmark "$@"
