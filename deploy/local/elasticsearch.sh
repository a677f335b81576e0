#!/usr/bin/env bash
# Vigie's local Elasticsearch: the integ-test-zip node prepared by deploy/elasticsearch (with Vigie's analysis
# plugin), on 127.0.0.1, security off, single node. No Docker.
#
#   deploy/local/elasticsearch.sh start|stop|status [--port N] [--data DIR] [--heap SIZE]
#
# Environment (flags win): VIGIE_ES_PORT (9200), VIGIE_ES_DATA (.vigie/elasticsearch in the project; it must be reachable by that user), VIGIE_ES_HEAP (512m),
# VIGIE_ES_USER (vigie-es: the user the node runs as when this script runs as root; Elasticsearch refuses root).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ES_VERSION="$(sed -n 's:.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
ES_HOME="$ROOT/deploy/elasticsearch/target/elasticsearch-$ES_VERSION"
PORT="${VIGIE_ES_PORT:-9200}"
WORK="${VIGIE_ES_DATA:-$ROOT/.vigie/elasticsearch}"
HEAP="${VIGIE_ES_HEAP:-512m}"
ES_USER="${VIGIE_ES_USER:-vigie-es}"
START_TIMEOUT=120

usage() {
  echo "usage: $0 start|stop|status [--port N] [--data DIR] [--heap SIZE]" >&2
  exit 2
}

[ $# -ge 1 ] || usage
ACTION="$1"; shift
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="${2:?--port needs a value}"; shift 2 ;;
    --data) WORK="${2:?--data needs a value}"; shift 2 ;;
    --heap) HEAP="${2:?--heap needs a value}"; shift 2 ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done
[[ "$PORT" =~ ^[0-9]+$ ]] && [ "$PORT" -ge 1 ] && [ "$PORT" -le 65535 ] || { echo "bad port: $PORT" >&2; exit 2; }
[[ "$HEAP" =~ ^[1-9][0-9]*[mg]$ ]] || { echo "bad heap (e.g. 512m, 1g): $HEAP" >&2; exit 2; }
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
URL="http://127.0.0.1:$PORT"
PIDFILE="$WORK/elasticsearch.pid"
LOG="$WORK/logs/console.log"

healthy() {
  curl -fsS -m 3 "$URL/_cluster/health" 2>/dev/null | grep -qE '"status":"(green|yellow)"'
}

running_pid() {
  if [ -f "$PIDFILE" ]; then
    local pid; pid="$(cat "$PIDFILE" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; return 0; fi
  fi
  return 1
}

prepare_node() {
  if [ ! -x "$ES_HOME/bin/elasticsearch" ] || [ ! -d "$ES_HOME/plugins/vigie-analysis" ]; then
    echo "Preparing the Elasticsearch node (first use): mvn -pl deploy/elasticsearch install"
    (cd "$ROOT" && mvn -B -q -ntp -Dstyle.color=never -pl deploy/elasticsearch -am install -DskipTests)
  fi
}

start() {
  if pid="$(running_pid)"; then
    echo "Elasticsearch is already running (pid $pid) on $URL, data in $WORK"
    return 0
  fi
  if healthy; then
    echo "Another Elasticsearch already answers on $URL (not started by this script); use --port" >&2
    return 1
  fi
  prepare_node
  mkdir -p "$WORK/config" "$WORK/data" "$WORK/logs" "$WORK/tmp"
  cp -r "$ES_HOME/config/." "$WORK/config/"
  cat > "$WORK/config/elasticsearch.yml" <<YML
# Written by deploy/local/elasticsearch.sh at each start; edits are overwritten.
cluster.name: vigie-local
node.name: vigie-local-node
network.host: 127.0.0.1
http.port: $PORT
# Any free port for the node-to-node transport: its default range (9300-9399) would take --port 9300 from HTTP.
transport.port: 0
discovery.type: single-node
xpack.security.enabled: false
path.data: $WORK/data
path.logs: $WORK/logs
cluster.routing.allocation.disk.threshold_enabled: false
YML
  rm -f "$PIDFILE"
  local java_home="${ES_JAVA_HOME:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
  local env=(ES_JAVA_HOME="$java_home" ES_PATH_CONF="$WORK/config" ES_TMPDIR="$WORK/tmp"
             ES_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP")
  local cmd=("$ES_HOME/bin/elasticsearch" -d -p "$PIDFILE")
  if [ "$(id -u)" = "0" ]; then
    if ! id -u "$ES_USER" >/dev/null 2>&1; then
      echo "Creating system user $ES_USER (Elasticsearch refuses to run as root)"
      useradd --system --no-create-home --user-group --shell /usr/sbin/nologin "$ES_USER"
    fi
    chown -R "$ES_USER:" "$WORK"
    cmd=(runuser -u "$ES_USER" -- env "${env[@]}" "${cmd[@]}")
  else
    cmd=(env "${env[@]}" "${cmd[@]}")
  fi
  echo "Starting Elasticsearch $ES_VERSION on $URL (data in $WORK, heap $HEAP)..."
  if ! "${cmd[@]}" >>"$LOG" 2>&1; then
    echo "Elasticsearch failed to start; see $LOG and $WORK/logs/vigie-local.log" >&2
    tail -n 20 "$LOG" >&2 || true
    return 1
  fi
  local waited=0
  until healthy; do
    if ! running_pid >/dev/null; then
      echo "Elasticsearch exited during start-up; see $WORK/logs/vigie-local.log" >&2
      return 1
    fi
    if [ "$waited" -ge "$START_TIMEOUT" ]; then
      echo "Elasticsearch did not answer on $URL within ${START_TIMEOUT}s; see $WORK/logs/vigie-local.log" >&2
      return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  echo "Elasticsearch is up on $URL (pid $(running_pid)); log: $WORK/logs/vigie-local.log"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    echo "Elasticsearch is not running (data in $WORK)"
    rm -f "$PIDFILE"
    return 0
  fi
  echo "Stopping Elasticsearch (pid $pid)..."
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { echo "Stopped."; return 0; }
    sleep 1
  done
  echo "Elasticsearch did not stop within 60s; killing pid $pid" >&2
  kill -9 "$pid" 2>/dev/null || true
}

status() {
  local pid
  if pid="$(running_pid)"; then
    if healthy; then
      echo "Elasticsearch is running (pid $pid) on $URL; data in $WORK"
    else
      echo "Elasticsearch process $pid is alive but $URL does not answer yet; log: $WORK/logs/vigie-local.log"
    fi
    return 0
  fi
  echo "Elasticsearch is not running (data in $WORK)"
  return 3
}

case "$ACTION" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
