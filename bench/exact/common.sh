# Shared by bench/exact/*.sh (sourced): fresh-process runs timed with /usr/bin/time, medians.
# Env: GENOMES (~/.cache/repeat-genomes), WORK (/tmp/reprise-bench-exact), RUNS (3).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
GDIR=${GENOMES:-$HOME/.cache/repeat-genomes}
WORK=${WORK:-/tmp/reprise-bench-exact}
RUNS=${RUNS:-3}
mkdir -p "$WORK"
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time missing: apt-get install -y time" >&2; exit 1; }

# genome NAME -> path (yeast chr2R ecoli chr20 contigs11k composite, or a path)
genome() {
  local f
  case $1 in
    yeast) f=sacCer_chrI_chrII.fa ;; chr2R) f=dm3_chr2R.softmasked.fa.gz ;; ecoli) f=ecoli_MG1655.fa.gz ;;
    chr20) f=hg19_chr20.fa.gz ;; contigs11k) f=contigs_11k.fa.gz ;; composite) f=composite_207M.fa.gz ;;
    *) echo "$1"; return ;;
  esac
  [ -s "$GDIR/$f" ] || bash "$ROOT/../shared/data/get-genomes.sh" "$GDIR" >&2
  echo "$GDIR/$f"
}

# bases of a FASTA[.gz]
bases_of() { (if [[ $1 == *.gz ]]; then gzip -dc "$1"; else cat "$1"; fi) | awk '!/^>/ {n += length($0)} END {print n}'; }

# timed LABEL CMD...: runs CMD once (output discarded), appends "LABEL wall_s rss_kB user_s" to $WORK/times
timed() {
  local label=$1; shift
  /usr/bin/time -f "%e %M %U" -o "$WORK/t.$$" "$@" >/dev/null 2>"$WORK/err.$$" || {
    echo "error: $label failed:" >&2; tail -5 "$WORK/err.$$" >&2; exit 1; }
  echo "$label $(cat "$WORK/t.$$")" | tee -a "$WORK/times"
}

# median LABEL COLUMN (2 wall, 3 RSS kB, 4 user) over $WORK/times
median() {
  awk -v l="$1" -v c="$2" '$1 == l {print $c}' "$WORK/times" | sort -g |
    awk '{v[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
