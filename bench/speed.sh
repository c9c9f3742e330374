#!/usr/bin/env bash
# Wall time and peak memory of our jar (and of REPrise 1.0.1 when $REPRISE_BIN is set).
# Usage: bench/speed.sh GENOME [extra args passed to both tools]
#   GENOME  a FASTA[.gz] path, or a name: yeast | chr2R (fly) | ecoli | contigs11k
#           (names resolve in $GENOMES, default ~/.cache/repeat-genomes; fetched if missing)
# Env: REPRISE_JAR  our jar (default <repo>/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar)
#      REPRISE_BIN  REPrise binary; if set, it runs the same way (-input F -output P -additonalfile)
#      RUNS         runs per tool (default 1); the median is reported
#      JAVA_OPTS    extra JVM options (e.g. -Xmx4g)
#      REPRISE_ARGS REPrise's extra args (default: ours, with -threads N -> -pa N, --quiet dropped)
#      ONLY         ours | reprise: run one tool only;  OUTDIR: keep the last run's outputs there
# Prints one line per run, a side-by-side table, and as the last line one JSON object.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
if [ $# -ge 1 ] && { [ "$1" = -h ] || [ "$1" = --help ]; }; then usage; exit 0; fi
[ $# -ge 1 ] || { usage >&2; exit 2; }
GENOME_ARG=$1; shift
JAR=${REPRISE_JAR:-$ROOT/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar}
RUNS=${RUNS:-1}
ONLY=${ONLY:-}
GDIR=${GENOMES:-$HOME/.cache/repeat-genomes}

# ---- resolve the genome
case "$GENOME_ARG" in
  yeast|sacCer|sacCer_chrI_chrII) GF=sacCer_chrI_chrII.fa ;;
  chr2R|fly|dm3|dm3_chr2R)        GF=dm3_chr2R.softmasked.fa.gz ;;
  ecoli|ecoli_MG1655)             GF=ecoli_MG1655.fa.gz ;;
  contigs11k|contigs_11k)         GF=contigs_11k.fa.gz ;;
  *) GF= ;;
esac
if [ -n "$GF" ]; then
  [ -s "$GDIR/$GF" ] || bash "$ROOT/../shared/data/get-genomes.sh" "$GDIR" >&2
  GENOME=$GDIR/$GF
else
  GENOME=$GENOME_ARG
fi
[ -f "$GENOME" ] || { echo "error: genome $GENOME not found" >&2; exit 1; }
GENOME=$(cd "$(dirname "$GENOME")" && pwd)/$(basename "$GENOME")

# ---- tools
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time missing: apt-get install -y time" >&2; exit 1; }
if [ "$ONLY" != reprise ]; then
  command -v java >/dev/null 2>&1 || { echo "error: java not on PATH" >&2; exit 1; }
  [ -f "$JAR" ] || { echo "error: jar $JAR not found (build: cd $ROOT && mvn -q -DskipTests package, or set REPRISE_JAR)" >&2; exit 1; }
fi
RUN_REPRISE=0
if [ -n "${REPRISE_BIN:-}" ] && [ "$ONLY" != ours ]; then
  [ -x "$REPRISE_BIN" ] || { echo "error: REPRISE_BIN=$REPRISE_BIN is not executable" >&2; exit 1; }
  RUN_REPRISE=1
elif [ "$ONLY" = reprise ]; then
  echo "error: ONLY=reprise needs REPRISE_BIN" >&2; exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/reprise-speed.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# snapshot the jar: others may rebuild it while we run
if [ "$ONLY" != reprise ] && [ -f "$JAR" ]; then cp "$JAR" "$TMP/reprise.jar"; JAR_SHOWN=$JAR; JAR=$TMP/reprise.jar; fi

# ---- genome size
read -r BASES CONTIGS < <( (if [[ "$GENOME" == *.gz ]]; then gzip -dc "$GENOME"; else cat "$GENOME"; fi) |
  awk '/^>/{c++; next} {sub(/\r$/,""); n+=length($0)} END{printf "%d %d\n", n, c}')

# REPrise's args: ours translated (-threads N -> -pa N; --quiet dropped) unless REPRISE_ARGS is set
if [ -n "${REPRISE_ARGS+x}" ]; then
  read -r -a RARGS <<< "$REPRISE_ARGS"
else
  RARGS=(); args=("$@"); i=0
  while [ $i -lt ${#args[@]} ]; do
    a=${args[$i]}
    case "$a" in
      -threads|--threads) RARGS+=(-pa "${args[$((i+1))]:-1}"); i=$((i+2)); continue ;;
      --threads=*|-threads=*) RARGS+=(-pa "${a#*=}") ;;
      --quiet|-quiet|-q) ;;
      *) RARGS+=("$a") ;;
    esac
    i=$((i+1))
  done
fi
if [ $RUN_REPRISE = 1 ]; then
  if [[ "$GENOME" == *.gz ]]; then
    RGENOME=$TMP/genome.fa; gzip -dc "$GENOME" > "$RGENOME"
  else
    RGENOME=$GENOME
  fi
fi

secs() { # "h:mm:ss" or "m:ss.ss" -> seconds
  awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else if (NF==2) print $1*60+$2; else print $1 }' <<< "$1"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END{ if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2 }'; }

# run TOOL: fills WALLS_<tool> / RSS_<tool> (kB)
WALLS_ours=; RSS_ours=; WALLS_reprise=; RSS_reprise=
run_one() {
  local tool=$1 r=$2 out="$TMP/run-$1" tf="$TMP/time-$1" log="$TMP/log-$1"
  shift 2
  rm -rf "$out"; mkdir -p "$out"
  local rc=0
  if [ "$tool" = ours ]; then
    # shellcheck disable=SC2086
    nice /usr/bin/time -v -o "$tf" java ${JAVA_OPTS:-} -jar "$JAR" -input "$GENOME" -output "$out/out" "$@" >"$log" 2>&1 || rc=$?
  else
    (cd "$out" && nice /usr/bin/time -v -o "$tf" "$REPRISE_BIN" -input "$RGENOME" -output "$out/out" -additonalfile ${RARGS[@]+"${RARGS[@]}"}) >"$log" 2>&1 || rc=$?
  fi
  if [ $rc != 0 ]; then
    echo "error: $tool run $r failed (exit $rc); last lines of its output:" >&2
    tail -n 20 "$log" >&2; [ -f "$tf" ] && tail -n 3 "$tf" >&2
    exit 1
  fi
  local wall rss
  wall=$(secs "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tf")")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tf")
  printf '%-8s run %d/%d  wall %8.2f s  peak RSS %9.1f MB\n' "$tool" "$r" "$RUNS" "$wall" "$(awk -v k="$rss" 'BEGIN{print k/1024}')"
  if [ "$tool" = ours ]; then WALLS_ours+=" $wall"; RSS_ours+=" $rss"; else WALLS_reprise+=" $wall"; RSS_reprise+=" $rss"; fi
  if [ -n "${OUTDIR:-}" ]; then mkdir -p "$OUTDIR/$tool"; cp -f "$out"/out* "$OUTDIR/$tool/"; fi
  return 0
}

echo "genome  : $GENOME ($BASES bases, $CONTIGS contigs)   runs: $RUNS"
if [ "$ONLY" != reprise ]; then echo "ours    : java ${JAVA_OPTS:+$JAVA_OPTS }-jar $JAR_SHOWN -input <genome> -output <p> $*"; fi
if [ $RUN_REPRISE = 1 ]; then echo "REPrise : $REPRISE_BIN -input <genome.fa> -output <p> -additonalfile ${RARGS[*]:-}"; fi
for r in $(seq 1 "$RUNS"); do
  if [ "$ONLY" != reprise ]; then run_one ours "$r" "$@"; fi
  if [ $RUN_REPRISE = 1 ]; then run_one reprise "$r"; fi
done

row() { # tool walls rss -> prints row, sets W and M
  W=$(median <<< "$2"); M=$(median <<< "$3")
  awk -v t="$1" -v w="$W" -v k="$M" -v b="$BASES" 'BEGIN{printf "%-8s %10.2f %12.1f %11.2f\n", t, w, k/1024, k*1024/b}'
}
echo
printf '%-8s %10s %12s %11s\n' median wall_s peakRSS_MB bytes/base
json="{\"genome\": \"$GENOME\", \"bases\": $BASES, \"contigs\": $CONTIGS, \"runs\": $RUNS"
if [ "$ONLY" != reprise ]; then
  row ours "$WALLS_ours" "$RSS_ours"; OW=$W; OM=$M
  json+=", \"ours_wall_s\": $OW, \"ours_peak_rss_kb\": $OM, \"ours_bytes_per_base\": $(awk -v k="$OM" -v b="$BASES" 'BEGIN{printf "%.3f", k*1024/b}')"
fi
if [ $RUN_REPRISE = 1 ]; then
  row REPrise "$WALLS_reprise" "$RSS_reprise"; RW=$W; RM=$M
  json+=", \"reprise_wall_s\": $RW, \"reprise_peak_rss_kb\": $RM, \"reprise_bytes_per_base\": $(awk -v k="$RM" -v b="$BASES" 'BEGIN{printf "%.3f", k*1024/b}')"
  if [ "$ONLY" != reprise ]; then
    awk -v ow="$OW" -v rw="$RW" -v om="$OM" -v rm="$RM" 'BEGIN{printf "ratio REPrise/ours: wall %.2fx  peak RSS %.2fx\n", (ow>0?rw/ow:0), (om>0?rm/om:0)}'
    json+=", \"wall_ratio_reprise_over_ours\": $(awk -v ow="$OW" -v rw="$RW" 'BEGIN{printf "%.3f", (ow>0?rw/ow:0)}')"
    json+=", \"rss_ratio_reprise_over_ours\": $(awk -v om="$OM" -v rm="$RM" 'BEGIN{printf "%.3f", (om>0?rm/om:0)}')"
  fi
fi
echo "$json}"
