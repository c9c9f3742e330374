#!/usr/bin/env bash
# A scheduled batch on Spark, three times over the same output root: a batch of four genomes
# (yeast chrI+chrII, E. coli, fly chr2R, one simulated by 'reprise simulate') through
# ./submit.sh --master local-cluster[2,1,EXECUTOR_MB] batch, then the same batch again (every
# genome up to date: skipped without starting Spark; its wall time must be under 10 s), then once
# more after the simulated genome's file was touched (only that genome reruns). Prints the wall
# time of each run and each genome's status from ROOT/batch-report.tsv. A benchmark, not a test.
#
# Usage: bench/batch/batch-bench.sh
# Env:   SPARK_HOME (required: bench/spark-home.sh DIR assembles one), GENOMES
#        (~/.cache/repeat-genomes), WORK (/tmp/reprise-batch-bench), EXECUTOR_MB (2048),
#        DRIVER_MEMORY (3g), PARALLEL (1: --parallel-genomes)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
[ -n "${SPARK_HOME:-}" ] || { echo "batch-bench: SPARK_HOME must be set (bench/spark-home.sh DIR)" >&2; exit 2; }
GENOMES=${GENOMES:-$HOME/.cache/repeat-genomes}
WORK=${WORK:-/tmp/reprise-batch-bench}
EXECUTOR_MB=${EXECUTOR_MB:-2048} DRIVER_MEMORY=${DRIVER_MEMORY:-3g} PARALLEL=${PARALLEL:-1}
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$WORK"
for g in sacCer_chrI_chrII.fa ecoli_MG1655.fa.gz dm3_chr2R.softmasked.fa.gz; do
  [ -f "$GENOMES/$g" ] || { echo "batch-bench: missing $GENOMES/$g" >&2; exit 2; }
done

# The simulated genome lives in WORK: it is the one whose file the third run finds touched.
SIM=$WORK/sim.fa
[ -f "$SIM" ] || "$ROOT/bin/reprise" simulate -o "$WORK/sim" --seed 13 --length 3M --families 40 > /dev/null
[ -f "$SIM" ] || { echo "batch-bench: reprise simulate wrote no $SIM" >&2; exit 1; }

MANIFEST=$WORK/manifest.tsv
printf 'genome_id\tinput\n' > "$MANIFEST"
printf 'yeast\t%s\n' "$GENOMES/sacCer_chrI_chrII.fa" >> "$MANIFEST"
printf 'ecoli\t%s\n' "$GENOMES/ecoli_MG1655.fa.gz" >> "$MANIFEST"
printf 'fly_chr2R\t%s\n' "$GENOMES/dm3_chr2R.softmasked.fa.gz" >> "$MANIFEST"
printf 'simulated\tsim.fa\n' >> "$MANIFEST"
OUT=$WORK/root
rm -rf "$OUT"

run() {  # run LABEL: one batch, its wall time and the report's statuses
  local label=$1 start end
  start=$(date +%s.%N)
  "$ROOT/submit.sh" --master "local-cluster[2,1,$EXECUTOR_MB]" --driver-memory "$DRIVER_MEMORY" \
    --conf spark.executor.memory=${EXECUTOR_MB}m batch --manifest "$MANIFEST" --output-root "$OUT" \
    --parallel-genomes "$PARALLEL" -q > "$WORK/$label.log" 2>&1 || { echo "batch-bench: $label failed:" >&2; tail -20 "$WORK/$label.log" >&2; exit 1; }
  end=$(date +%s.%N)
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  echo "$label: wall $WALL s (submit.sh to exit)"
  awk -F'\t' 'NR > 1 { printf "  %-10s %-8s families %-4s elements %-6s masked %-9s %6s s  %s\n", $1, $2, $3, $4, $5, $6, $8 }' \
    "$OUT/batch-report.tsv"
}

run first
run second
SECOND=$WALL
awk -v w="$WALL" 'BEGIN { exit !(w < 10) }' || { echo "batch-bench: the up-to-date rerun took $WALL s (>= 10 s)" >&2; exit 1; }
grep -q -v -P '^genome_id|\tskipped\t' "$OUT/batch-report.tsv" && { echo "batch-bench: the second run ran a genome" >&2; exit 1; }
touch "$SIM"
run third
[ "$(awk -F'\t' 'NR > 1 && $2 == "done" { print $1 }' "$OUT/batch-report.tsv")" = simulated ] \
  || { echo "batch-bench: the third run did not rerun the simulated genome alone" >&2; exit 1; }
echo "ok: the second run skipped all four in $SECOND s; the third reran 'simulated' only"
