#!/usr/bin/env bash
# submit.sh: runs the reprise Spark job, on a cluster through spark-submit or embedded in one JVM.
#
# Usage: ./submit.sh [SUBMIT OPTIONS] [JOB OPTIONS]
#
# Submit options (taken by this script; everything else goes to the job's main class):
#   --master URL           local[*] (default), local[N]: embedded local mode, plain java, no Spark
#                          install needed; spark://HOST:PORT, yarn, k8s://..., local-cluster[..]:
#                          $SPARK_HOME/bin/spark-submit (SPARK_HOME must be set; bench/spark-home.sh
#                          DIR assembles one from Maven Central)
#   --class NAME           main class (default: the job, org.reprise.spark.SparkRepriseJob)
#   --conf KEY=VALUE       a Spark setting (repeatable); overrides conf/spark-defaults.conf
#   --properties-file F    Spark settings file (default: conf/spark-defaults.conf)
#   --driver-memory M      driver heap (embedded mode: the JVM's -Xmx); default spark.driver.memory
#   --executor-memory M, --executor-cores N, --num-executors N, --deploy-mode client|cluster
#                          passed to spark-submit (ignored in embedded mode)
#   --rebuild              rebuild the application jar and the cached class path first
#   -h, --help             this text
#
# Job options (all of them: ./submit.sh -- --help): the local CLI's (-input GENOME.fa[.gz],
# -output DIR, -dist 0|1, -k, -minfreq, ... see bin/reprise --help), with -input and
# -output as URIs (file://, hdfs://, s3a:// when configured) and -output a directory that receives
# NAME.reprof, NAME.bed, NAME.freq, NAME.masked, NAME.summary.json and _SUCCESS (NAME: its last
# component), plus --partitions N, --partition-size BASES, --window N, --flank BASES,
# --mask-style hard|soft, --overwrite, --quiet. Defaults: conf/reprise.properties, whose path the
# job finds in the Spark setting spark.reprise.defaultsFile.
#
# The application jar is spark-job/target/reprise-spark-job-*-job.jar (this module, local-core and
# their libraries; Spark, Scala, Hadoop and logging excluded); it is built when missing, in one
# reactor build that needs nothing of this project in ~/.m2. Embedded mode runs it with the Spark
# jars that build lists (spark-job/target/classpath-*.txt, joined in spark-classpath.txt), Spark's
# Java 17 options, conf/log4j2.properties and the spark.* lines of the properties file as system
# properties.
#
# Env: SPARK_HOME (cluster mode), SPARK_LOCAL_IP (default 127.0.0.1), JAVA_HOME, JAVA_OPTS (extra
# JVM options for embedded mode).
#
# Examples:
#   ./submit.sh -input examples/sacCer_chrI_chrII.fa.gz -output /tmp/yeast
#   SPARK_HOME=/tmp/spark ./submit.sh --master spark://127.0.0.1:7077 -input hdfs://nn/g.fa.gz -output hdfs://nn/out
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

REPRISE_JOB_MAIN_CLASS=org.reprise.spark.SparkRepriseJob

VERSION=0.1.0-SNAPSHOT
JAR=$ROOT/spark-job/target/reprise-spark-job-$VERSION-job.jar
CLASSPATH_CACHE=$ROOT/spark-job/target/spark-classpath.txt

# Spark's Java 17 options: org.apache.spark.launcher.JavaModuleOptions of spark-launcher 4.2.0
# (the same list as conf/spark-defaults.conf and bench/spark-home.sh; ConfigurationFilesTest checks it).
JAVA17_OPTIONS="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true -Dio.netty.allocator.type=pooled -Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }
die() { echo "submit.sh: $*" >&2; exit 2; }

MASTER=local[*]
MAIN_CLASS=
PROPERTIES=$ROOT/conf/spark-defaults.conf
DRIVER_MEMORY=
REBUILD=false
CONFS=()          # KEY=VALUE
SUBMIT_ARGS=()    # spark-submit only
JOB_ARGS=()
while [ $# -gt 0 ]; do
  case $1 in
    -h|--help) usage; exit 0 ;;
    --master) [ $# -ge 2 ] || die "--master needs a URL"; MASTER=$2; shift 2 ;;
    --master=*) MASTER=${1#*=}; shift ;;
    --class) [ $# -ge 2 ] || die "--class needs a class name"; MAIN_CLASS=$2; shift 2 ;;
    --conf) [ $# -ge 2 ] || die "--conf needs KEY=VALUE"; [[ $2 == *=* ]] || die "--conf needs KEY=VALUE, got '$2'"
            CONFS+=("$2"); shift 2 ;;
    --properties-file) [ $# -ge 2 ] || die "--properties-file needs a file"; PROPERTIES=$2; shift 2 ;;
    --driver-memory) [ $# -ge 2 ] || die "--driver-memory needs a size"; DRIVER_MEMORY=$2; shift 2 ;;
    --executor-memory|--executor-cores|--num-executors|--deploy-mode)
            [ $# -ge 2 ] || die "$1 needs a value"; SUBMIT_ARGS+=("$1" "$2"); shift 2 ;;
    --rebuild) REBUILD=true; shift ;;
    --) shift; JOB_ARGS+=("$@"); break ;;
    *) JOB_ARGS+=("$1"); shift ;;
  esac
done
[ -f "$PROPERTIES" ] || die "properties file not found: $PROPERTIES"
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}

# ---- the application jar (and embedded mode's class path lists, written by the same build) ----
CP_PROVIDED=$ROOT/spark-job/target/classpath-provided.txt
CP_RUNTIME=$ROOT/spark-job/target/classpath-runtime.txt
if $REBUILD || [ ! -f "$JAR" ] || [ ! -f "$CP_PROVIDED" ] || [ ! -f "$CP_RUNTIME" ]; then
  echo "submit.sh: building $JAR ..." >&2
  # One reactor build of local-core and the job: nothing of this project is looked up in ~/.m2.
  (cd "$ROOT" && mvn -q -B -ntp -Dstyle.color=never -DskipTests -pl spark-job -am package >&2)
  rm -f "$CLASSPATH_CACHE"
fi
[ -f "$JAR" ] || die "build did not produce $JAR"
MAIN_CLASS=${MAIN_CLASS:-$REPRISE_JOB_MAIN_CLASS}
CONFS=("spark.reprise.defaultsFile=$ROOT/conf/reprise.properties" "${CONFS[@]}")

# ---- cluster: spark-submit ----
case $MASTER in
  spark://*|yarn|yarn-*|k8s://*|mesos://*|local-cluster*)
    [ -n "${SPARK_HOME:-}" ] || die "--master $MASTER needs SPARK_HOME (bench/spark-home.sh DIR assembles one)"
    [ -x "$SPARK_HOME/bin/spark-submit" ] || die "no executable $SPARK_HOME/bin/spark-submit"
    ARGS=(--master "$MASTER" --class "$MAIN_CLASS" --properties-file "$PROPERTIES")
    [ -n "$DRIVER_MEMORY" ] && ARGS+=(--driver-memory "$DRIVER_MEMORY")
    for c in "${CONFS[@]}"; do ARGS+=(--conf "$c"); done
    export SPARK_CONF_DIR=${SPARK_CONF_DIR:-$ROOT/conf}   # conf/log4j2.properties for the driver
    exec "$SPARK_HOME/bin/spark-submit" "${ARGS[@]}" ${SUBMIT_ARGS[@]+"${SUBMIT_ARGS[@]}"} "$JAR" \
      ${JOB_ARGS[@]+"${JOB_ARGS[@]}"} ;;
  local|local\[*\]) ;;
  *) die "unknown --master '$MASTER' (local[*], local[N], spark://, yarn, k8s://, local-cluster[...])" ;;
esac

# ---- embedded local mode: plain java ----
if [ ! -s "$CLASSPATH_CACHE" ] || [ "$CP_PROVIDED" -nt "$CLASSPATH_CACHE" ] || [ "$CP_RUNTIME" -nt "$CLASSPATH_CACHE" ]; then
  # provided: Spark and its dependencies; runtime: the libraries the job jar leaves to the class
  # path (logging, commons-*, snappy); local-core itself is inside the job jar.
  { tr ':' '\n' < "$CP_PROVIDED"; echo
    # exactly what spark-job/pom.xml's shade configuration leaves out of the job jar (minus nashorn/ASM),
    # and jackson-core: Spark's Jackson needs it, and local-core's dependency on it (relocated inside
    # the job jar) takes it out of the provided list
    tr ':' '\n' < "$CP_RUNTIME" | grep -E \
      -e '/org/apache/logging/log4j/' -e '/org/slf4j/' -e '/commons-logging/' -e '/commons-codec/' \
      -e '/org/apache/commons/commons-compress/' -e '/org/xerial/snappy/' -e '/com/fasterxml/jackson/core/jackson-core/'
  } | awk 'NF && !seen[$0]++' | paste -sd: > "$CLASSPATH_CACHE.tmp"
  mv "$CLASSPATH_CACHE.tmp" "$CLASSPATH_CACHE"
fi
prop() { sed -n "s/^[[:space:]]*$1[[:space:]=]\{1,\}\(.*[^[:space:]]\)[[:space:]]*$/\1/p" "$PROPERTIES" | tail -1; }
[ -n "$DRIVER_MEMORY" ] || DRIVER_MEMORY=$(prop 'spark\.driver\.memory')
SYSPROPS=()
while IFS= read -r line; do
  key=${line%%[[:space:]=]*}
  value=$(sed 's/^[^[:space:]=]*[[:space:]=]*//' <<< "$line")
  case $key in
    spark.driver.extraJavaOptions|spark.executor.extraJavaOptions|spark.driver.memory) ;;  # JVM options, below
    spark.*) SYSPROPS+=("-D$key=$value") ;;
  esac
done < <(grep -E '^[[:space:]]*spark\.' "$PROPERTIES" | sed 's/[[:space:]]*$//')
for c in "${CONFS[@]}"; do SYSPROPS+=("-D$c"); done
SYSPROPS+=("-Dspark.master=$MASTER")
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086
exec "$JAVA" $JAVA17_OPTIONS ${DRIVER_MEMORY:+-Xmx$DRIVER_MEMORY} ${JAVA_OPTS:-} \
  "-Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties" "${SYSPROPS[@]}" \
  -cp "$JAR:$(cat "$CLASSPATH_CACHE")" "$MAIN_CLASS" ${JOB_ARGS[@]+"${JOB_ARGS[@]}"}
