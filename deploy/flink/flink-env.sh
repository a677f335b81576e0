# Sourced by standalone-cluster.sh and flink.sh: where the Flink jars and the cluster's folder are, which java runs
# them and with which options. Not meant to be run on its own.
#
# Environment: VIGIE_FLINK_HOME (deploy/flink/target/flink-<version>, prepared by `mvn -pl deploy/flink install`),
# VIGIE_FLINK_DIR (.vigie/flink in the project: conf/, log/, tmp/ and the pid files of one cluster), JAVA_HOME,
# JVM_ARGS (extra options for every JVM, as in Flink's own scripts).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FLINK_VERSION="$(sed -n 's:.*<flink.version>\(.*\)</flink.version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
FLINK_HOME="${VIGIE_FLINK_HOME:-$ROOT/deploy/flink/target/flink-$FLINK_VERSION}"
FLINK_LIB_DIR="$FLINK_HOME/lib"
WORK="${VIGIE_FLINK_DIR:-$ROOT/.vigie/flink}"
FLINK_CONF_DIR="$WORK/conf"
FLINK_LOG_DIR="$WORK/log"
FLINK_PLUGINS_DIR="$WORK/plugins"
export FLINK_CONF_DIR FLINK_LIB_DIR FLINK_PLUGINS_DIR
JAVA_RUN="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# What a Flink distribution's config.yaml puts in env.java.opts.all for Java 17.
FLINK_JAVA_OPTS=(-XX:+IgnoreUnrecognizedVMOptions
  --add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED)

# Every jar of lib/, sorted, as Flink's config.sh builds the class path.
flink_classpath() {
  if ! compgen -G "$FLINK_LIB_DIR/flink-runtime-*.jar" >/dev/null; then
    echo "No Flink jars in $FLINK_LIB_DIR: prepare them with 'mvn -pl deploy/flink install'" \
      "(or set VIGIE_FLINK_HOME)" >&2
    return 1
  fi
  local jars=() jar
  while IFS= read -r jar; do jars+=("$jar"); done < <(find "$FLINK_LIB_DIR" -maxdepth 1 -name '*.jar' | sort)
  (IFS=:; echo "${jars[*]}")
}
