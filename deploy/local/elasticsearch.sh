#!/usr/bin/env bash
# Vigie's local Elasticsearch: the integ-test-zip node prepared by deploy/elasticsearch (with Vigie's analysis
# plugin), on 127.0.0.1, security off, single node. No Docker. The node is started, stopped and checked by
# `vigie elasticsearch` (one launcher, dev.vigie.local.LocalElasticsearch, also used by the tests and the
# demo); this script prepares the node on first use and hands over to it.
#
#   deploy/local/elasticsearch.sh start|stop|status [--port N] [--data DIR] [--heap SIZE]
#
# Environment (flags win): VIGIE_ES_PORT (9200), VIGIE_ES_DATA (.vigie/elasticsearch in the project), VIGIE_ES_HEAP
# (512m), VIGIE_ES_USER (vigie-es: the user the node runs as when started as root; Elasticsearch refuses root).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ "${1:-}" = "start" ] && ! ls -d "$ROOT"/deploy/elasticsearch/target/elasticsearch-*/plugins/vigie-analysis \
    >/dev/null 2>&1; then
  echo "Preparing the Elasticsearch node (first use): mvn -pl deploy/elasticsearch install"
  (cd "$ROOT" && mvn -B -q -ntp -Dstyle.color=never -pl deploy/elasticsearch -am install -DskipTests)
fi
exec "$ROOT/vigie" elasticsearch "$@"
