#!/usr/bin/env bash
# The partitioned strategy against the exact one, on genomes with known truth and on real ones:
# for each genome, the exact run and partitioned runs with the genome cut into 2, 4 and 8
# partitions (--partition-size = genome / N), then per run: library size, masked bases, the share
# of exact's masked bases the run also masks, base-level sensitivity/precision against the truth,
# and (with truth) true families recovered: "good" or better in reprise evaluate-library (one
# consensus covering >= 80% of a true family at >= 80% identity). Prints a table per genome and
# the ratios the issue's bar is about (recovered >= 0.95x exact's, masked within 1 percentage
# point, library <= 1.1x).
#
# Usage: bench/partitioned/quality.sh [sim1 sim2 sim3 chr2R contigs11k ...]
#   simN: a 20 Mb genome simulated with --seed N (80 families, divergence up to 20%)
#   chr2R, contigs11k, chr20: ~/.cache/repeat-genomes (../shared/data/get-genomes.sh fetches them)
# Env: THREADS (2), WORK (/tmp/reprise-partitioned-quality), JAVA_OPTS, PARTS ("2 4 8"),
#      REUSE=1 keeps runs whose summary is already in WORK (to re-score them with a newer build),
#      EVAL_JAR: the jar whose evaluate and evaluate-library score the runs (default: the run's)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=$ROOT/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -ntp -DskipTests -pl local-core -am package)
WORK=${WORK:-/tmp/reprise-partitioned-quality}; THREADS=${THREADS:-2}; PARTS=${PARTS:-2 4 8}
GDIR=${GENOMES:-$HOME/.cache/repeat-genomes}
mkdir -p "$WORK"; cmp -s "$JAR" "$WORK/reprise.jar" || cp "$JAR" "$WORK/reprise.jar"; J="java ${JAVA_OPTS:--XX:+UseParallelGC} -jar $WORK/reprise.jar"
E="java ${JAVA_OPTS:--XX:+UseParallelGC} -jar ${EVAL_JAR:-$WORK/reprise.jar}"
TARGETS=("$@"); [ ${#TARGETS[@]} -gt 0 ] || TARGETS=(sim1 sim2 sim3)
for t in "${TARGETS[@]}"; do
  truth=; fams=
  case $t in
    sim*) seed=${t#sim}; g=$WORK/$t.fa
          [ -s "$g" ] || $J simulate -o "$WORK/$t" --seed "$seed" --length 20M --families 80 --max-divergence 0.2 >&2
          truth=$WORK/$t.truth.bed; fams=$WORK/$t.families.fa ;;
    chr2R) g=$GDIR/dm3_chr2R.softmasked.fa.gz ;;
    contigs11k) g=$GDIR/contigs_11k.fa.gz ;;
    chr20) g=$GDIR/hg19_chr20.fa.gz ;;
    *) g=$t ;;
  esac
  [ -s "$g" ] || bash "$ROOT/../shared/data/get-genomes.sh" "$GDIR" >&2
  if [ -z "${REUSE:-}" ] || [ ! -s "$WORK/$t-exact.summary.json" ]; then
    $J -input "$g" -output "$WORK/$t-exact" --strategy exact --threads "$THREADS" -q >&2
  fi
  bases=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['genome']['bases'])" "$WORK/$t-exact.summary.json")
  runs=(exact)
  for n in $PARTS; do
    size=$(( (bases + n - 1) / n ))
    if [ -z "${REUSE:-}" ] || [ ! -s "$WORK/$t-p$n.summary.json" ]; then
      $J -input "$g" -output "$WORK/$t-p$n" --strategy partitioned --partition-size "$size" --threads "$THREADS" -q >&2
    fi
    runs+=("p$n")
  done
  echo "== $t ($bases bases)"
  printf '%-6s %8s %11s %10s %9s %9s %6s %10s %9s %12s\n' run library masked masked_pp share_ex sens prec recovered lib_ratio recov_ratio
  ex_lib=; ex_masked=; ex_rec=
  for r in "${runs[@]}"; do
    p=$WORK/$t-$r
    lib=$(grep -c '^>' "$p.reprof")
    masked=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['masked_bases'])" "$p.summary.json")
    share=$(python3 "$ROOT/bench/partitioned/overlap.py" "$WORK/$t-exact.bed" "$p.bed" | python3 -c "import json,sys; print(json.load(sys.stdin)['share_of_reference'])")
    sens=NA; prec=NA; rec=NA
    if [ -n "$truth" ]; then
      read -r sens prec < <($E evaluate --truth "$truth" --prediction "$p.bed" --genome "$g" 2>/dev/null | awk -F'\t' '$1 == "ALL" {print $8, $10}')
      $E evaluate-library --library "$p.reprof" --true-families "$fams" --json "$p.families.json" > "$p.families.tsv" 2>/dev/null
      rec=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['totals']; print(d['perfect'] + d['good'])" "$p.families.json")
    fi
    if [ "$r" = exact ]; then ex_lib=$lib; ex_masked=$masked; ex_rec=$rec; fi
    pp=$(python3 -c "print('%+.2f' % (100.0 * ($masked - $ex_masked) / $bases))")
    lr=$(python3 -c "print('%.3f' % ($lib / $ex_lib))")
    rr=$( [ "$rec" = NA ] && echo NA || python3 -c "print('%.3f' % ($rec / max(1, $ex_rec)))")
    printf '%-6s %8d %11d %10s %9s %9s %6s %10s %9s %12s\n' "$r" "$lib" "$masked" "$pp" "$share" "$sens" "$prec" "$rec" "$lr" "$rr"
  done
done
