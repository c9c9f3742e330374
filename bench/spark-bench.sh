#!/usr/bin/env bash
# The Spark job beside local-core on one genome, in one run, on this machine:
#   local-core: bin/reprise's jar, --threads THREADS (2)
#   Spark:      ./submit.sh --master local-cluster[EXECUTORS,1,EXECUTOR_MB] (real executor JVMs,
#               through spark-submit), --partitions PARTITIONS (2 x executors)
# and prints wall time and peak RSS of each, the Spark run's driver-only time (from its summary:
# run time with no Spark job running), the peak RSS of its driver JVM and of each executor JVM
# (ps, every 0.2 s), and whether the four outputs are byte-identical.
#
# Usage: bench/spark-bench.sh GENOME.fa[.gz] [NAME]
# Env:   SPARK_HOME (required: bench/spark-home.sh DIR assembles one), EXECUTORS (2),
#        EXECUTOR_MB (3072), DRIVER_MEMORY (4g), PARTITIONS (2 x EXECUTORS), THREADS (2),
#        WORK (/tmp/reprise-spark-bench), SPARK_ARGS (extra job options, e.g. "--window 128")
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -ge 1 ] || { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2; }
GENOME=$(readlink -f "$1")
NAME=${2:-$(basename "$GENOME" | sed 's/\.gz$//; s/\.fa$//; s/\.fasta$//')}
[ -n "${SPARK_HOME:-}" ] || { echo "spark-bench: SPARK_HOME must be set (bench/spark-home.sh DIR)" >&2; exit 2; }
EXECUTORS=${EXECUTORS:-2} EXECUTOR_MB=${EXECUTOR_MB:-3072} DRIVER_MEMORY=${DRIVER_MEMORY:-4g}
PARTITIONS=${PARTITIONS:-$((2 * EXECUTORS))} THREADS=${THREADS:-2}
WORK=${WORK:-/tmp/reprise-spark-bench}
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$WORK"

LOCAL_JAR=$ROOT/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar
[ -f "$LOCAL_JAR" ] && [ -f "$ROOT/spark-job/target/reprise-spark-job-0.1.0-SNAPSHOT-job.jar" ] \
  || (cd "$ROOT" && mvn -q -B -ntp -DskipTests package)
# Time copies of the jars: a rebuild during the run must not change what is measured.
cp "$LOCAL_JAR" "$WORK/local-core.jar"

echo "genome: $GENOME ($NAME)"
# ---- local-core ----
rm -f "$WORK/local-$NAME".*
/usr/bin/time -v java -XX:+UseParallelGC -jar "$WORK/local-core.jar" -input "$GENOME" -output "$WORK/local-$NAME" \
  --threads "$THREADS" -q 2> "$WORK/local-$NAME.time"
LOCAL_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/local-$NAME.time")
LOCAL_RSS=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$WORK/local-$NAME.time")
echo "local-core --threads $THREADS: wall $LOCAL_WALL, peak RSS $LOCAL_RSS MB"

# ---- Spark, local-cluster ----
OUT=$WORK/spark-$NAME
rm -rf "$OUT" "$WORK/ps-$NAME.log"
START=$(date +%s.%N)
/usr/bin/time -v "$ROOT/submit.sh" --master "local-cluster[$EXECUTORS,1,$EXECUTOR_MB]" --driver-memory "$DRIVER_MEMORY" \
  --conf spark.executor.memory=${EXECUTOR_MB}m -input "file://$GENOME" -output "file://$OUT/$NAME" \
  --partitions "$PARTITIONS" ${SPARK_ARGS:-} > "$WORK/spark-$NAME.log" 2> "$WORK/spark-$NAME.time" &
JOB=$!
# Peak RSS per JVM: the driver (SparkSubmit) and every executor (CoarseGrainedExecutorBackend).
while kill -0 $JOB 2>/dev/null; do
  ps -eo pid=,rss=,args= | awk '/[C]oarseGrainedExecutorBackend/ {print "executor", $1, $2} /[o]rg.apache.spark.deploy.SparkSubmit/ {print "driver", $1, $2}' >> "$WORK/ps-$NAME.log" || true
  sleep 0.2
done
wait $JOB || { echo "Spark run failed:" >&2; tail -30 "$WORK/spark-$NAME.time" >&2; exit 1; }
SPARK_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/spark-$NAME.time")
echo "Spark local-cluster[$EXECUTORS,1,$EXECUTOR_MB], $PARTITIONS partitions: wall $SPARK_WALL (submit.sh to exit, JVM start-ups included)"
SUMMARY=$OUT/$NAME/$NAME.summary.json
grep -E '"(total_seconds|spark_jobs|spark_job_seconds|driver_only_seconds|contig_table_seconds|partitions_seconds|seed_candidates_seconds|pre_masking_seconds|families_seconds|write_seconds|rounds|seeds_drafted|drafts_used|drafts_with_full_window|candidates|seeds|seed_copies_on_driver|driver_peak_heap_bytes)"' "$SUMMARY" \
  | sed 's/^ */  /; s/,$//'
awk '{ if ($3 > max[$1 " " $2]) max[$1 " " $2] = $3 }
     END { for (k in max) { split(k, a, " "); printf "  peak RSS %s (pid %s): %.0f MB\n", a[1], a[2], max[k] / 1024 } }' \
  "$WORK/ps-$NAME.log" | sort
for s in reprof bed freq masked; do
  if cmp -s "$WORK/local-$NAME.$s" "$OUT/$NAME/$NAME.$s"; then echo "  .$s identical"; else echo "  .$s DIFFERS"; fi
done
