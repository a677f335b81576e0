#!/usr/bin/env bash
# Flink's command line (org.apache.flink.client.cli.CliFrontend, what a distribution's bin/flink runs) for the cluster
# that deploy/flink/standalone-cluster.sh started: its config.yaml tells the client where the REST API is.
#
#   deploy/flink/flink.sh run flink-job/target/vigie-jobs-<version>-job.jar --watch acme.yaml --es http://localhost:9200
#   deploy/flink/flink.sh list | cancel JOB_ID | info ... (every action of bin/flink)
#
# Environment: VIGIE_FLINK_DIR (the cluster's folder, .vigie/flink), VIGIE_FLINK_HOME, JAVA_HOME, JVM_ARGS.
# The client's log goes to <folder>/log/client.log; the terminal gets what the command and the job's main print.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/flink-env.sh"

if [ ! -f "$FLINK_CONF_DIR/config.yaml" ]; then
  echo "No Flink cluster configuration in $FLINK_CONF_DIR: start the cluster with" \
    "deploy/flink/standalone-cluster.sh start (and the same VIGIE_FLINK_DIR or --dir)" >&2
  exit 1
fi
CLASSPATH="$(flink_classpath)"
mkdir -p "$FLINK_LOG_DIR" "$FLINK_PLUGINS_DIR"
# shellcheck disable=SC2086 # JVM_ARGS is a word list by design
exec "$JAVA_RUN" ${JVM_ARGS:-} "${FLINK_JAVA_OPTS[@]}" -Dlog.file="$FLINK_LOG_DIR/client.log" \
  -Dlog4j.configurationFile="file:$FLINK_CONF_DIR/log4j-cli.properties" \
  -classpath "$CLASSPATH" org.apache.flink.client.cli.CliFrontend "$@"
