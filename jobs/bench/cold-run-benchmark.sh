#!/usr/bin/env bash
# Cold `vigie run`s (a new JVM each, started by the project's vigie script as cron starts it) with several JVM
# settings in alternating order; prints wall time, CPU time (whole process tree) and items/s of each run, then the
# medians. See docs/performance.md, "A cold run".
#
#   jobs/bench/cold-run-benchmark.sh 10000 3 'default=' 'cds=VIGIE_CDS=1'
#   jobs/bench/cold-run-benchmark.sh 10000 3 'default=' 'c1=JAVA_OPTS=-XX:TieredStopAtLevel=1'
#
# A variant is label=ENV=value;ENV=value (the environment of the vigie script). Build first
# (`mvn -B install -DskipTests`): the runs use the build as it is (VIGIE_NO_BUILD=1). Uses the Elasticsearch node at
# $VIGIE_TEST_ES_URL, else starts one from deploy/elasticsearch/target.
set -euo pipefail
export VIGIE_BENCH_HEAP="${VIGIE_BENCH_HEAP:-256m}"
exec "$(dirname "$0")/java-main.sh" cold dev.vigie.jobs.bench.ColdRunBenchmark "$@"
