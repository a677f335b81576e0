#!/usr/bin/env bash
# A Flink standalone session cluster on this machine, without a Flink download: a JobManager and a TaskManager, each
# its own JVM, on 127.0.0.1, running on the Flink jars Maven assembled in deploy/flink/target (the lib/ of a Flink
# distribution). Submit the job jar to it with deploy/flink/flink.sh run ... (see docs/operations.md, "Flink cluster").
#
#   deploy/flink/standalone-cluster.sh start|stop|status [--dir DIR] [--port N] [--rpc-port N] [--slots N]
#                                       [--tm-memory SIZE] [--jm-memory SIZE]
#
#   --dir DIR          the cluster's folder: conf/ (written at each start), log/, tmp/, pid files (.vigie/flink)
#   --port N           REST API and web UI (8081)           --rpc-port N   JobManager RPC (6123)
#   --slots N          task slots of the TaskManager (2)
#   --tm-memory SIZE   TaskManager process memory (3g)      --jm-memory SIZE  JobManager process memory (1g)
#
# Environment (flags win): VIGIE_FLINK_DIR, VIGIE_FLINK_PORT, VIGIE_FLINK_RPC_PORT, VIGIE_FLINK_SLOTS,
# VIGIE_FLINK_TM_MEMORY, VIGIE_FLINK_JM_MEMORY; VIGIE_FLINK_HOME, JAVA_HOME, JVM_ARGS (see flink-env.sh).
# Exit codes: 0 done / running, 1 failed, 2 bad usage, 3 (status) not running.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/flink-env.sh"

PORT="${VIGIE_FLINK_PORT:-8081}"
RPC_PORT="${VIGIE_FLINK_RPC_PORT:-6123}"
SLOTS="${VIGIE_FLINK_SLOTS:-2}"
TM_MEMORY="${VIGIE_FLINK_TM_MEMORY:-3g}"
JM_MEMORY="${VIGIE_FLINK_JM_MEMORY:-1g}"
START_TIMEOUT=120
JM_CLASS=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
TM_CLASS=org.apache.flink.runtime.taskexecutor.TaskManagerRunner

usage() {
  echo "usage: $0 start|stop|status [--dir DIR] [--port N] [--rpc-port N] [--slots N]" \
    "[--tm-memory SIZE] [--jm-memory SIZE]" >&2
  exit 2
}

[ $# -ge 1 ] || usage
ACTION="$1"; shift
case "$ACTION" in start|stop|status) ;; *) usage ;; esac
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) WORK="${2:?--dir needs a value}"; shift 2 ;;
    --port) PORT="${2:?--port needs a value}"; shift 2 ;;
    --rpc-port) RPC_PORT="${2:?--rpc-port needs a value}"; shift 2 ;;
    --slots) SLOTS="${2:?--slots needs a value}"; shift 2 ;;
    --tm-memory) TM_MEMORY="${2:?--tm-memory needs a value}"; shift 2 ;;
    --jm-memory) JM_MEMORY="${2:?--jm-memory needs a value}"; shift 2 ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done
for port in "$PORT" "$RPC_PORT"; do
  [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || { echo "bad port: $port" >&2; exit 2; }
done
[ "$PORT" != "$RPC_PORT" ] || { echo "--port and --rpc-port must differ: $PORT" >&2; exit 2; }
[[ "$SLOTS" =~ ^[1-9][0-9]*$ ]] || { echo "bad number of slots: $SLOTS" >&2; exit 2; }
for size in "$TM_MEMORY" "$JM_MEMORY"; do
  [[ "$size" =~ ^[1-9][0-9]*[mg]$ ]] || { echo "bad memory size (e.g. 1600m, 3g): $size" >&2; exit 2; }
done

mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
FLINK_CONF_DIR="$WORK/conf"; FLINK_LOG_DIR="$WORK/log"; FLINK_PLUGINS_DIR="$WORK/plugins"
export FLINK_CONF_DIR FLINK_PLUGINS_DIR
URL="http://127.0.0.1:$PORT"

# The pid in WORK/NAME.pid when that process is alive and is still the Flink process started here.
running_pid() {
  local file="$WORK/$1.pid" class="$2" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  ps -o args= -p "$pid" 2>/dev/null | grep -q "$class" || return 1
  echo "$pid"
}

# Number of TaskManagers registered with the JobManager, or nothing when the REST API does not answer.
taskmanagers() {
  { curl -fsS -m 3 "$URL/overview" 2>/dev/null || true; } | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p'
}

prepare_lib() {
  if ! compgen -G "$FLINK_LIB_DIR/flink-runtime-*.jar" >/dev/null; then
    echo "Preparing the Flink jars (first use): mvn -pl deploy/flink install"
    (cd "$ROOT" && mvn -B -q -ntp -Dstyle.color=never -pl deploy/flink install)
  fi
}

write_conf() {
  mkdir -p "$FLINK_CONF_DIR" "$FLINK_LOG_DIR" "$FLINK_PLUGINS_DIR" "$WORK/tmp/io" "$WORK/tmp/web" "$WORK/tmp/blobs"
  cp "$ROOT/deploy/flink/conf/log4j.properties" "$ROOT/deploy/flink/conf/log4j-cli.properties" "$FLINK_CONF_DIR/"
  cat > "$FLINK_CONF_DIR/config.yaml" <<YAML
# Written by deploy/flink/standalone-cluster.sh at each start; edits are overwritten.
# One JobManager and one TaskManager on 127.0.0.1; nothing listens beyond loopback.
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $RPC_PORT
jobmanager.bind-host: 127.0.0.1
jobmanager.memory.process.size: $JM_MEMORY
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.numberOfTaskSlots: $SLOTS
taskmanager.memory.process.size: $TM_MEMORY
# Vigie's jobs keep their models (CoreNLP, Lucene) on the heap and sort little: a small managed memory leaves the
# rest of the TaskManager to the task heap (vigie run's embedded cluster uses the same 256 MB).
taskmanager.memory.managed.size: 256m
parallelism.default: $SLOTS
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $PORT
io.tmp.dirs: $WORK/tmp/io
web.tmpdir: $WORK/tmp/web
blob.storage.directory: $WORK/tmp/blobs
YAML
}

# JVM options and dynamic properties of a process's memory, computed by Flink itself from config.yaml, as Flink's
# config.sh does (BashJavaUtils prints two result lines: JVM options, then -D key=value pairs).
resource_params() {
  local command="$1" output results
  output="$("$JAVA_RUN" -classpath "$CLASSPATH" org.apache.flink.runtime.util.bash.BashJavaUtils "$command" \
    --configDir "$FLINK_CONF_DIR" 2>&1)" || { echo "BashJavaUtils $command failed:" >&2; echo "$output" >&2; return 1; }
  results="$(echo "$output" | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p')"
  if [ "$(echo "$results" | wc -l)" -ne 2 ]; then
    echo "BashJavaUtils $command gave no memory settings; check $FLINK_CONF_DIR/config.yaml:" >&2
    echo "$output" >&2
    return 1
  fi
  echo "$results"
}

# Starts one Flink process in the background: NAME, main class, and the memory command of BashJavaUtils.
start_process() {
  local name="$1" class="$2" command="$3" params jvm dynamic
  params="$(resource_params "$command")" || return 1
  jvm="$(echo "$params" | head -n 1)"
  dynamic="$(echo "$params" | tail -n 1)"
  local log="$FLINK_LOG_DIR/$name.log" out="$FLINK_LOG_DIR/$name.out"
  # shellcheck disable=SC2086 # JVM_ARGS, the memory options and the -D pairs are word lists by design
  nohup "$JAVA_RUN" ${JVM_ARGS:-} $jvm "${FLINK_JAVA_OPTS[@]}" -Djava.io.tmpdir="$WORK/tmp" \
    -Dlog.file="$log" -Dlog4j.configurationFile="file:$FLINK_CONF_DIR/log4j.properties" \
    -classpath "$CLASSPATH" "$class" --configDir "$FLINK_CONF_DIR" $dynamic >"$out" 2>&1 </dev/null &
  echo $! > "$WORK/$name.pid"
}

start() {
  local jm tm
  if jm="$(running_pid jobmanager "$JM_CLASS")" && tm="$(running_pid taskmanager "$TM_CLASS")"; then
    echo "The Flink cluster is already running on $URL (jobmanager pid $jm, taskmanager pid $tm); folder $WORK"
    return 0
  fi
  if jm="$(running_pid jobmanager "$JM_CLASS")" || tm="$(running_pid taskmanager "$TM_CLASS")"; then
    echo "Half of the Flink cluster is running in $WORK: stop it first ($0 stop --dir $WORK)" >&2
    return 1
  fi
  if curl -fsS -m 3 "$URL/overview" >/dev/null 2>&1; then
    echo "Another Flink already answers on $URL (not started by this script); use --port" >&2
    return 1
  fi
  prepare_lib
  CLASSPATH="$(flink_classpath)"
  write_conf
  rm -f "$WORK/jobmanager.pid" "$WORK/taskmanager.pid"
  echo "Starting a Flink $FLINK_VERSION session cluster on $URL ($SLOTS slots, TaskManager $TM_MEMORY; folder $WORK)..."
  if ! start_process jobmanager "$JM_CLASS" GET_JM_RESOURCE_PARAMS \
      || ! start_process taskmanager "$TM_CLASS" GET_TM_RESOURCE_PARAMS; then
    stop >/dev/null
    return 1
  fi
  local waited=0 count
  while true; do
    count="$(taskmanagers)"
    [ -n "$count" ] && [ "$count" -ge 1 ] && break
    for name in jobmanager taskmanager; do
      local class="$JM_CLASS"; [ "$name" = taskmanager ] && class="$TM_CLASS"
      if ! running_pid "$name" "$class" >/dev/null; then
        echo "The $name exited during start-up; see $FLINK_LOG_DIR/$name.log and $name.out" >&2
        tail -n 20 "$FLINK_LOG_DIR/$name.out" >&2 || true
        stop >/dev/null
        return 1
      fi
    done
    if [ "$waited" -ge "$START_TIMEOUT" ]; then
      echo "No TaskManager registered on $URL within ${START_TIMEOUT}s; see $FLINK_LOG_DIR" >&2
      stop >/dev/null
      return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  echo "Flink is up on $URL (jobmanager pid $(running_pid jobmanager "$JM_CLASS"), taskmanager pid" \
    "$(running_pid taskmanager "$TM_CLASS")); logs in $FLINK_LOG_DIR"
}

stop_process() {
  local name="$1" class="$2" pid
  if ! pid="$(running_pid "$name" "$class")"; then
    rm -f "$WORK/$name.pid"
    return 1
  fi
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$WORK/$name.pid"; return 0; }
    sleep 1
  done
  echo "The $name (pid $pid) did not stop within 30s; killing it" >&2
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$WORK/$name.pid"
}

stop() {
  local stopped=0
  stop_process taskmanager "$TM_CLASS" && stopped=$((stopped + 1))
  stop_process jobmanager "$JM_CLASS" && stopped=$((stopped + 1))
  if [ "$stopped" -eq 0 ]; then
    echo "The Flink cluster is not running (folder $WORK)"
  else
    echo "Stopped the Flink cluster of $WORK."
  fi
}

status() {
  local jm tm count
  jm="$(running_pid jobmanager "$JM_CLASS" || true)"
  tm="$(running_pid taskmanager "$TM_CLASS" || true)"
  if [ -z "$jm" ] && [ -z "$tm" ]; then
    echo "The Flink cluster is not running (folder $WORK)"
    return 3
  fi
  count="$(taskmanagers)"
  local rest="does not answer"
  [ -z "$count" ] || rest="answers, $count TaskManager(s) registered"
  echo "Flink: jobmanager ${jm:-not running}, taskmanager ${tm:-not running} (pids); REST on $URL $rest;" \
    "folder $WORK"
  if [ -n "$jm" ] && [ -n "$tm" ]; then
    echo "The Flink cluster is running on $URL"
    return 0
  fi
  return 1
}

case "$ACTION" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
