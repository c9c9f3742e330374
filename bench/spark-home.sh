#!/usr/bin/env bash
# Assembles a SPARK_HOME from Spark's jars on Maven Central, for a real spark-submit and a real
# standalone Master and Worker without a Spark download.
#
#   bench/spark-home.sh DIR           DIR/jars (spark-core + spark-launcher and all their
#                                     dependencies, through Maven), DIR/bin/spark-submit,
#                                     DIR/bin/spark-class, DIR/sbin/start-master.sh,
#                                     start-worker.sh, stop-master.sh, stop-worker.sh
#   bench/spark-home.sh --job DIR [GENOME]
#                                     the same, then: a Master and a Worker on 127.0.0.1, the
#                                     discovery job submitted through ./submit.sh on GENOME (default:
#                                     the bundled yeast example) with 2 executors of one core, its
#                                     four outputs checked equal to local-core's, the daemons stopped.
#
# The scripts behave as Spark's own: bin/spark-class asks Spark's launcher
# (org.apache.spark.launcher.Main) for the java command line, as Spark's spark-class does, and
# makes sure Spark's Java 17 options are on it. Daemons log to DIR/logs, keep their pid in DIR/run
# and are stopped with DIR/sbin/stop-*.sh (kill by pid, bounded wait, then kill -9).
# Env for the daemons: SPARK_MASTER_HOST (127.0.0.1), SPARK_MASTER_PORT (7077),
# SPARK_MASTER_WEBUI_PORT (8080), SPARK_WORKER_WEBUI_PORT (8081), SPARK_WORKER_CORES (2),
# SPARK_WORKER_MEMORY (18g), SPARK_DAEMON_MEMORY (1g).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

JOB=false
JOB_GENOME=$ROOT/examples/sacCer_chrI_chrII.fa.gz
if [ "${1:-}" = "--job" ]; then
  JOB=true; shift
  if [ $# -eq 2 ]; then JOB_GENOME=$(readlink -f "$2"); set -- "$1"; fi
fi
if [ $# -ne 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  [ $# -eq 1 ] && STATUS=0 || STATUS=2
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
  exit $STATUS
fi
mkdir -p "$1"
DIR=$(cd "$1" && pwd)

SPARK_VERSION=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$ROOT/pom.xml" | head -1)
SCALA_BINARY=$(sed -n 's:.*<scala.binary.version>\(.*\)</scala.binary.version>.*:\1:p' "$ROOT/pom.xml" | head -1)

# Spark's Java 17 options: org.apache.spark.launcher.JavaModuleOptions of spark-launcher 4.2.0
# (the same list as conf/spark-defaults.conf and submit.sh; ConfigurationFilesTest checks it).
JAVA17_OPTIONS="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true -Dio.netty.allocator.type=pooled -Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"

mkdir -p "$DIR/jars" "$DIR/bin" "$DIR/sbin" "$DIR/conf" "$DIR/logs" "$DIR/run" "$DIR/work"

# ---- jars, through Maven (a throwaway pom: spark-core and spark-launcher, runtime closure) ----
if [ ! -f "$DIR/jars/spark-core_$SCALA_BINARY-$SPARK_VERSION.jar" ]; then
  POMDIR=$(mktemp -d)
  trap 'rm -rf "$POMDIR"' EXIT
  cat > "$POMDIR/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.reprise.bench</groupId>
  <artifactId>spark-home</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_$SCALA_BINARY</artifactId><version>$SPARK_VERSION</version></dependency>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-launcher_$SCALA_BINARY</artifactId><version>$SPARK_VERSION</version></dependency>
  </dependencies>
</project>
EOF
  echo "spark-home: copying Spark $SPARK_VERSION (Scala $SCALA_BINARY) jars into $DIR/jars ..." >&2
  mvn -q -B -ntp -f "$POMDIR/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$DIR/jars" >&2
  rm -rf "$POMDIR"
  trap - EXIT
fi
echo "Spark $SPARK_VERSION built for Scala $SCALA_BINARY: jars from Maven Central, assembled by reprise bench/spark-home.sh" > "$DIR/RELEASE"

# ---- bin/spark-class: Spark's launcher builds the command; we run it ----
cat > "$DIR/bin/spark-class" <<EOF
#!/usr/bin/env bash
# spark-class of a SPARK_HOME assembled by reprise bench/spark-home.sh: Spark's launcher
# (org.apache.spark.launcher.Main) prints the java command for CLASS, NUL-separated, as for
# Spark's own spark-class; Spark's Java 17 options are added if the launcher left them out.
# Usage: spark-class CLASS [ARGS...]
set -euo pipefail
export SPARK_HOME="\$(cd "\$(dirname "\${BASH_SOURCE[0]}")/.." && pwd)"
export SPARK_SCALA_VERSION=$SCALA_BINARY
export SPARK_CONF_DIR="\${SPARK_CONF_DIR:-\$SPARK_HOME/conf}"
export SPARK_LOCAL_IP="\${SPARK_LOCAL_IP:-127.0.0.1}"
JAVA="\${JAVA_HOME:+\$JAVA_HOME/bin/}java"
JAVA17_OPTIONS="$JAVA17_OPTIONS"
CMD=()
while IFS= read -r -d '' ARG; do
  CMD+=("\$ARG")
done < <("\$JAVA" -Xmx128m -cp "\$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "\$@"; printf '%d\0' \$?)
# The launcher's output: its messages (if any), a NUL and a newline, then the command's words,
# each NUL-terminated; we append the launcher's exit status.
LAST=\$((\${#CMD[@]} - 1))
STATUS=\${CMD[\$LAST]}
if [ "\$STATUS" != 0 ] || [ "\$LAST" -lt 2 ]; then
  [ "\$LAST" -ge 1 ] && printf '%s\n' "\${CMD[@]:0:\$LAST}" >&2
  echo "spark-class: Spark's launcher failed (exit \$STATUS)" >&2
  exit 1
fi
if [ -n "\${CMD[0]}" ]; then echo "\${CMD[0]}" >&2; fi
CMD=("\${CMD[@]:1:\$((LAST - 1))}")
CMD[0]="\${CMD[0]#\$'\\n'}"
case " \${CMD[*]} " in
  *" --add-opens=java.base/java.lang=ALL-UNNAMED "*) ;;
  *) read -r -a OPTS <<< "\$JAVA17_OPTIONS"; CMD=("\${CMD[0]}" "\${OPTS[@]}" "\${CMD[@]:1}") ;;
esac
if [ -n "\${SPARK_PRINT_LAUNCH_COMMAND:-}" ]; then echo "Spark command: \${CMD[*]}" >&2; fi
exec "\${CMD[@]}"
EOF

cat > "$DIR/bin/spark-submit" <<'EOF'
#!/usr/bin/env bash
# spark-submit of a SPARK_HOME assembled by reprise bench/spark-home.sh (as Spark's own).
exec "$(dirname "${BASH_SOURCE[0]}")/spark-class" org.apache.spark.deploy.SparkSubmit "$@"
EOF

# ---- sbin: daemons in the background, pid files, bounded waits ----
cat > "$DIR/sbin/daemon.sh" <<'EOF'
#!/usr/bin/env bash
# daemon.sh start NAME CLASS ARGS... | stop NAME: one Spark daemon, pid in run/NAME.pid, log in logs/NAME.out.
set -euo pipefail
SPARK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ACTION=$1 NAME=$2; shift 2
PIDFILE=$SPARK_HOME/run/$NAME.pid LOG=$SPARK_HOME/logs/$NAME.out
alive() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }
case $ACTION in
  start)
    if alive; then echo "$NAME already running as pid $(cat "$PIDFILE")" >&2; exit 1; fi
    mkdir -p "$SPARK_HOME/run" "$SPARK_HOME/logs"
    nohup "$SPARK_HOME/bin/spark-class" "$@" > "$LOG" 2>&1 < /dev/null &
    echo $! > "$PIDFILE"
    echo "$NAME started, pid $(cat "$PIDFILE"), log $LOG" >&2 ;;
  stop)
    if ! alive; then echo "$NAME not running" >&2; rm -f "$PIDFILE"; exit 0; fi
    PID=$(cat "$PIDFILE")
    kill "$PID"
    for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$PID" 2>/dev/null; then echo "$NAME (pid $PID) did not stop in 30 s: kill -9" >&2; kill -9 "$PID"; fi
    rm -f "$PIDFILE"
    echo "$NAME stopped" >&2 ;;
  *) echo "usage: daemon.sh start|stop NAME [CLASS ARGS...]" >&2; exit 2 ;;
esac
EOF

cat > "$DIR/sbin/start-master.sh" <<'EOF'
#!/usr/bin/env bash
# Starts a standalone Master (org.apache.spark.deploy.master.Master) and waits, at most 60 s, until it listens.
set -euo pipefail
SBIN="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HOST=${SPARK_MASTER_HOST:-127.0.0.1} PORT=${SPARK_MASTER_PORT:-7077} UI=${SPARK_MASTER_WEBUI_PORT:-8080}
"$SBIN/daemon.sh" start master org.apache.spark.deploy.master.Master --host "$HOST" --port "$PORT" --webui-port "$UI"
for _ in $(seq 1 120); do
  if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then echo "master at spark://$HOST:$PORT" >&2; exit 0; fi
  kill -0 "$(cat "$SBIN/../run/master.pid")" 2>/dev/null || break
  sleep 0.5
done
echo "master did not come up; log:" >&2; tail -20 "$SBIN/../logs/master.out" >&2; "$SBIN/daemon.sh" stop master; exit 1
EOF

cat > "$DIR/sbin/start-worker.sh" <<'EOF'
#!/usr/bin/env bash
# Starts a standalone Worker (org.apache.spark.deploy.worker.Worker) for MASTER_URL (default
# spark://127.0.0.1:7077) and waits, at most 60 s, until it has registered with the master.
set -euo pipefail
SBIN="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MASTER=${1:-spark://${SPARK_MASTER_HOST:-127.0.0.1}:${SPARK_MASTER_PORT:-7077}}
"$SBIN/daemon.sh" start worker org.apache.spark.deploy.worker.Worker --host "${SPARK_LOCAL_IP:-127.0.0.1}" \
  --webui-port "${SPARK_WORKER_WEBUI_PORT:-8081}" --cores "${SPARK_WORKER_CORES:-2}" \
  --memory "${SPARK_WORKER_MEMORY:-18g}" --work-dir "$SBIN/../work" "$MASTER"
for _ in $(seq 1 120); do
  if grep -q "Successfully registered with master" "$SBIN/../logs/worker.out" 2>/dev/null; then
    echo "worker registered with $MASTER" >&2; exit 0
  fi
  kill -0 "$(cat "$SBIN/../run/worker.pid")" 2>/dev/null || break
  sleep 0.5
done
echo "worker did not register; log:" >&2; tail -20 "$SBIN/../logs/worker.out" >&2; "$SBIN/daemon.sh" stop worker; exit 1
EOF

printf '#!/usr/bin/env bash\nexec "$(dirname "${BASH_SOURCE[0]}")/daemon.sh" stop master\n' > "$DIR/sbin/stop-master.sh"
printf '#!/usr/bin/env bash\nexec "$(dirname "${BASH_SOURCE[0]}")/daemon.sh" stop worker\n' > "$DIR/sbin/stop-worker.sh"
chmod +x "$DIR/bin/"* "$DIR/sbin/"*
echo "SPARK_HOME ready: $DIR ($(ls "$DIR/jars" | wc -l) jars)" >&2

# ---- --job: Master + Worker on 127.0.0.1, a submission through submit.sh, daemons stopped ----
if $JOB; then
  export SPARK_HOME=$DIR SPARK_LOCAL_IP=127.0.0.1
  export SPARK_MASTER_HOST=127.0.0.1 SPARK_MASTER_PORT=${SPARK_MASTER_PORT:-17077}
  export SPARK_MASTER_WEBUI_PORT=${SPARK_MASTER_WEBUI_PORT:-18080} SPARK_WORKER_WEBUI_PORT=${SPARK_WORKER_WEBUI_PORT:-18081}
  export SPARK_WORKER_MEMORY=${SPARK_WORKER_MEMORY:-4g}
  cleanup() { "$DIR/sbin/stop-worker.sh" || true; "$DIR/sbin/stop-master.sh" || true; }
  trap cleanup EXIT
  "$DIR/sbin/start-master.sh"
  "$DIR/sbin/start-worker.sh" "spark://127.0.0.1:$SPARK_MASTER_PORT"
  NAME=$(basename "$JOB_GENOME" | sed 's/\.gz$//; s/\.fa$//; s/\.fasta$//')
  RESULT=$DIR/results/$NAME
  rm -rf "$DIR/results" "$DIR/local-$NAME".*
  mkdir -p "$DIR/results"
  START=$(date +%s)
  if ! timeout 3600 "$ROOT/submit.sh" --master "spark://127.0.0.1:$SPARK_MASTER_PORT" --driver-memory 2g \
      --executor-memory 2g --executor-cores 1 --conf spark.cores.max=2 \
      -input "file://$JOB_GENOME" -output "file://$RESULT" --partitions 3 > "$DIR/logs/job.out" 2>&1; then
    echo "job FAILED; output:" >&2; tail -40 "$DIR/logs/job.out" >&2; exit 1
  fi
  echo "job on spark://127.0.0.1:$SPARK_MASTER_PORT: $(grep 'done:' "$DIR/logs/job.out" | tail -1) (submit to exit $(( $(date +%s) - START )) s)"
  java -jar "$ROOT/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar" -input "$JOB_GENOME" \
    -output "$DIR/local-$NAME" -q
  STATUS=0
  for s in reprof bed freq masked; do
    if cmp -s "$DIR/local-$NAME.$s" "$RESULT/$NAME.$s"; then echo "  .$s identical to local-core's"
    else echo "  .$s DIFFERS from local-core's" >&2; STATUS=1; fi
  done
  [ -f "$RESULT/_SUCCESS" ] && echo "  _SUCCESS present" || { echo "  no _SUCCESS" >&2; STATUS=1; }
  exit $STATUS
fi
