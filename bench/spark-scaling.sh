#!/usr/bin/env bash
# The Spark job's partitioned strategy on 1 and 2 executors, beside local-core's partitioned run on
# 1 and 2 threads, with the same partitions (one --partition-size for all four runs):
#   local-core: --strategy partitioned --threads 1, then --threads 2
#   Spark:      ./submit.sh --master local-cluster[1,1,EXECUTOR_MB], then local-cluster[2,1,EXECUTOR_MB]
#               (real executor JVMs of one core each, through spark-submit), --strategy partitioned
# Prints each run's wall time (the whole process, JVM start-ups included) and its phases from
# summary.json, the Spark runs' driver-only time (no Spark job running) and its share of the wall
# time, the speed-up of 2 executors over 1, the job against local-core at the same core count, and
# whether the outputs are byte-identical to local-core's. Last, from the measured phases, an
# extrapolation to a larger genome on a larger cluster (see the assumptions it prints).
#
# Usage: bench/spark-scaling.sh GENOME.fa[.gz] [NAME]
# Env:   SPARK_HOME (required: bench/spark-home.sh DIR assembles one), PARTITIONS (8),
#        EXECUTOR_MB (4096), DRIVER_MEMORY (6g), WORK (/tmp/reprise-spark-scaling),
#        TARGET_BASES (12e9), TARGET_CONTIGS (250000), TARGET_EXECUTORS (16), TARGET_CORES (8)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -ge 1 ] || { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2; }
GENOME=$(readlink -f "$1")
NAME=${2:-$(basename "$GENOME" | sed 's/\.gz$//; s/\.fa$//; s/\.fasta$//')}
[ -n "${SPARK_HOME:-}" ] || { echo "spark-scaling: SPARK_HOME must be set (bench/spark-home.sh DIR)" >&2; exit 2; }
PARTITIONS=${PARTITIONS:-8} EXECUTOR_MB=${EXECUTOR_MB:-4096} DRIVER_MEMORY=${DRIVER_MEMORY:-6g}
WORK=${WORK:-/tmp/reprise-spark-scaling}
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$WORK"
LOCAL_JAR=$ROOT/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar
[ -f "$LOCAL_JAR" ] && [ -f "$ROOT/spark-job/target/reprise-spark-job-0.1.0-SNAPSHOT-job.jar" ] \
  || (cd "$ROOT" && mvn -q -B -ntp -DskipTests package)
cp "$LOCAL_JAR" "$WORK/local-core.jar"   # a rebuild during the run must not change what is measured

# One partition size for every run: the genome's bases over PARTITIONS.
rm -f "$WORK/probe".*
java -jar "$WORK/local-core.jar" -input "$GENOME" -output "$WORK/probe" --strategy partitioned \
  --partition-size 1G -maxrepeat 1 -q
BASES=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['genome']['bases'])" "$WORK/probe.summary.json")
SIZE=$(( (BASES + PARTITIONS - 1) / PARTITIONS ))
echo "genome: $GENOME ($NAME, $BASES bases), --partition-size $SIZE ($PARTITIONS partitions)"

wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
phases() { python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
sec = d.get('seconds', {})
print('    phases: ' + ', '.join('%s %.1f s' % (k, v) for k, v in sec.items()))
rec = d.get('partitioned', {}).get('reconciliation', {})
print('    reconciliation: ' + ', '.join('%s %s' % (k, rec[k]) for k in ('partition_families', 'families_merged_by_seed',
      'families_kept_from_partitions', 'boundary_claims', 'boundary_claims_trimmed', 'boundary_claims_dropped',
      'genome_wide_pass_seeds', 'genome_wide_pass_families', 'families') if k in rec))
sp = d.get('spark')
if sp:
    print('    spark: %s jobs, %.1f s in Spark jobs, driver only %.1f s (%.1f%% of the job)' % (sp['spark_jobs'],
          sp['spark_job_seconds'], sp['driver_only_seconds'], 100 * sp['driver_only_share']))
PY
}

declare -A WALL
for t in 1 2; do
  rm -f "$WORK/local-t$t".*
  /usr/bin/time -v java -XX:+UseParallelGC -jar "$WORK/local-core.jar" -input "$GENOME" -output "$WORK/local-t$t" \
    --strategy partitioned --partition-size "$SIZE" --threads "$t" -q 2> "$WORK/local-t$t.time"
  WALL[local$t]=$(wall "$WORK/local-t$t.time")
  echo "local-core partitioned, --threads $t: wall ${WALL[local$t]} s"
  phases "$WORK/local-t$t.summary.json"
done
for s in reprof bed freq masked; do
  cmp -s "$WORK/local-t1.$s" "$WORK/local-t2.$s" || echo "  local-core .$s differs between 1 and 2 threads"
done

for e in 1 2; do
  OUT=$WORK/spark-e$e
  rm -rf "$OUT"
  /usr/bin/time -v "$ROOT/submit.sh" --master "local-cluster[$e,1,$EXECUTOR_MB]" --driver-memory "$DRIVER_MEMORY" \
    --conf spark.executor.memory=${EXECUTOR_MB}m -input "file://$GENOME" -output "file://$OUT/$NAME" \
    --strategy partitioned --partition-size "$SIZE" -q > "$WORK/spark-e$e.log" 2> "$WORK/spark-e$e.time" \
    || { echo "Spark run on $e executor(s) failed:" >&2; tail -30 "$WORK/spark-e$e.time" >&2; exit 1; }
  WALL[spark$e]=$(wall "$WORK/spark-e$e.time")
  echo "Spark partitioned, local-cluster[$e,1,$EXECUTOR_MB]: wall ${WALL[spark$e]} s"
  phases "$OUT/$NAME/$NAME.summary.json"
  for s in reprof bed freq masked; do
    if cmp -s "$WORK/local-t1.$s" "$OUT/$NAME/$NAME.$s"; then echo "    .$s identical to local-core's"; else echo "    .$s DIFFERS from local-core's"; fi
  done
done
python3 - "${WALL[local1]}" "${WALL[local2]}" "${WALL[spark1]}" "${WALL[spark2]}" <<'PY'
import sys
l1, l2, s1, s2 = map(float, sys.argv[1:])
print('speed-up, 2 executors over 1: %.2fx (local-core, 2 threads over 1: %.2fx)' % (s1 / s2, l1 / l2))
print('the job against local-core at the same cores: %.2fx (1 core), %.2fx (2 cores)' % (s1 / l1, s2 / l2))
PY

# Extrapolation from the 2-executor run's phases. Assumptions: the genome-wide counts and the
# partition tasks are work spread evenly over the executors' cores (cost per base as measured,
# divided by cores); the reconciliation's own work grows with the families and boundary claims,
# i.e. with the bases (driver, serial); the genome-wide pass's rounds grow with the seeds it
# drafts, i.e. with the bases, each round a fixed latency plus work spread over the cores; the
# contig table and writing stream the genome once on the driver (per base, serial).
python3 - "$OUT/$NAME/$NAME.summary.json" "$BASES" <<PY
import json, sys
d = json.load(open(sys.argv[1])); bases = float(sys.argv[2])
sec = d['seconds']; sp = d['spark']
target = float("${TARGET_BASES:-12e9}"); contigs = int("${TARGET_CONTIGS:-250000}")
cores = int("${TARGET_EXECUTORS:-16}") * int("${TARGET_CORES:-8}")
grow = target / bases
parallel = sum(sec.get(k, 0) for k in ('genome-wide counts', 'partitions')) * 2 / cores * grow
rounds = sp.get('genome_wide_pass_round_seconds', 0)
recon = max(0.0, sec.get('reconciliation', 0) - rounds)
serial = (recon + sec.get('load', 0) + sec.get('write', 0)) * grow
print('extrapolated to %.1f Gbp in %d contigs on %d cores: %.0f s of parallel work (counts, partitions), '
      '%.0f s of serial driver work (reconciliation, contig table, writing), genome-wide pass rounds %.0f s '
      'at today\'s cost per base: about %.1f h' % (target / 1e9, contigs, cores, parallel, serial, rounds * grow,
      (parallel + serial + rounds * grow) / 3600))
PY
