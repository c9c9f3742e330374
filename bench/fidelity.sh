#!/usr/bin/env bash
# Run our jar with default parameters and compare with REPrise 1.0.1's reference outputs.
# Usage: bench/fidelity.sh [TARGET...]     TARGET: yeast | chr2R | yeast-dist1 (default: yeast chr2R)
#   yeast        S. cerevisiae chrI+chrII, defaults  vs ../shared/reference/reprise_sacCer_chrI_chrII
#   chr2R        D. melanogaster dm3 chr2R, defaults vs ../shared/reference/reprise_dm3_chr2R
#   yeast-dist1  yeast with -dist 1                  vs ../shared/reference/reprise_sacCer_chrI_chrII.dist1
# Env: REPRISE_JAR (default <repo>/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar)
#      OURS_ARGS extra args for our jar (e.g. "-threads 2"); JAVA_OPTS; GENOMES (genome dir)
#      OUTDIR    keep our outputs in OUTDIR/<target>.* (default: temp dir, removed)
#      plus compare-reprise.sh's env (MIN_PIDENT, BLAST_EVALUE, NO_BLAST, ...)
# Prints each comparison report, a summary table, and as the last line a JSON list.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
if [ $# -ge 1 ] && { [ "$1" = -h ] || [ "$1" = --help ]; }; then usage; exit 0; fi
JAR=${REPRISE_JAR:-$ROOT/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar}
REF=$(cd "$ROOT/../shared/reference" && pwd)
GDIR=${GENOMES:-$HOME/.cache/repeat-genomes}
[ -f "$JAR" ] || { echo "error: jar $JAR not found (build: cd $ROOT && mvn -q -DskipTests package, or set REPRISE_JAR)" >&2; exit 1; }
command -v java >/dev/null 2>&1 || { echo "error: java not on PATH" >&2; exit 1; }
TARGETS=("$@"); [ ${#TARGETS[@]} -gt 0 ] || TARGETS=(yeast chr2R)
for t in "${TARGETS[@]}"; do
  case "$t" in yeast|chr2R|yeast-dist1) ;; *) echo "error: unknown target $t" >&2; usage >&2; exit 2 ;; esac
done
if [ ! -s "$GDIR/sacCer_chrI_chrII.fa" ] || [ ! -s "$GDIR/dm3_chr2R.softmasked.fa.gz" ]; then
  bash "$ROOT/../shared/data/get-genomes.sh" "$GDIR" >&2
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/reprise-fidelity.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# snapshot the jar: others may rebuild it while we run
if [ -f "$JAR" ]; then cp "$JAR" "$TMP/reprise.jar"; JAR_SHOWN=$JAR; JAR=$TMP/reprise.jar; fi
OUT=${OUTDIR:-$TMP/out}; mkdir -p "$OUT"
read -r -a EXTRA <<< "${OURS_ARGS:-}"

results=()
for t in "${TARGETS[@]}"; do
  case "$t" in
    yeast)       G=$GDIR/sacCer_chrI_chrII.fa;       ref=$REF/reprise_sacCer_chrI_chrII;       args=() ;;
    yeast-dist1) G=$GDIR/sacCer_chrI_chrII.fa;       ref=$REF/reprise_sacCer_chrI_chrII.dist1; args=(-dist 1) ;;
    chr2R)       G=$GDIR/dm3_chr2R.softmasked.fa.gz; ref=$REF/reprise_dm3_chr2R;               args=() ;;
  esac
  if [[ "$G" == *.gz ]]; then gzip -dc "$G" > "$TMP/$t.fa"; G=$TMP/$t.fa; fi
  echo "### $t: java -jar $(basename "$JAR_SHOWN") -input $G -output $OUT/$t ${args[*]:-} ${EXTRA[*]:-}"
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  if ! nice java ${JAVA_OPTS:-} -jar "$JAR" -input "$G" -output "$OUT/$t" ${args[@]+"${args[@]}"} ${EXTRA[@]+"${EXTRA[@]}"} > "$TMP/$t.log" 2>&1; then
    echo "error: our jar failed on $t; last lines:" >&2; tail -n 20 "$TMP/$t.log" >&2; exit 1
  fi
  wall=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}')
  echo "our run: ${wall} s"
  "$HERE/compare-reprise.sh" "$OUT/$t" "$ref" "$G" | tee "$TMP/$t.cmp"
  results+=("$(tail -n 1 "$TMP/$t.cmp" | python3 -c 'import json,sys; d=json.load(sys.stdin); d["target"]=sys.argv[1]; d["ours_wall_s"]=float(sys.argv[2]); print(json.dumps(d, sort_keys=True))' "$t" "$wall")")
  [[ "$G" == "$TMP"/* ]] && rm -f "$G"
  echo
done

printf '%s\n' "${results[@]}" | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin if l.strip()]
def p(x): return "   n/a" if x is None else "%6.2f" % (100 * x)
print("== fidelity summary (cov = consensus bases covered at >=95% identity; masked diff in pp)")
print("%-12s %7s %11s %11s %9s %9s %9s %8s" % ("target", "wall_s", "fam ours/R", "identical", "cov R<-o", "cov o<-R", "mask dpp", "Jaccard"))
for d in rows:
    print("%-12s %7.1f %11s %11s %8s%% %8s%% %+9.3f %8.4f" % (d["target"], d["ours_wall_s"],
          "%d/%d" % (d["ours_families"], d["reprise_families"]),
          "%d/%d" % (d["identical_reprise_in_ours"], d["reprise_families"]),
          p(d.get("reprise_bases_covered_by_ours")), p(d.get("ours_bases_covered_by_reprise")),
          d["masked_diff_pp"], d["masked_jaccard"]))
print(json.dumps(rows, sort_keys=True))
'
