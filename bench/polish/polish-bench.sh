#!/usr/bin/env bash
# The raw library (.reprof, .bed) against the polished one (.lib.fa, .lib.bed), side by side.
# Usage: bench/polish/polish-bench.sh [sim|chr2R|yeast|cdhit|all]...   (default: all)
#   sim:   `reprise simulate` genomes (20 Mb, 80 families, divergence up to 20%) for SEEDS (default
#          "1 2 3"); per genome: library size, perfect/good/present/missed, false entries
#          (evaluate-library against PREFIX.families.fa without the satellite units), base sensitivity and precision (evaluate
#          against PREFIX.truth.bed, interspersed classes only: satellites and low-complexity
#          stretches are not what a library of interspersed families should mask), then the
#          classification of planted LTR and DNA (TIR) families through their best entry, and
#          entries matching satellite truth that carry an interspersed class.
#   chr2R: fly chr2R (soft-mask truth), base level, and polishing's share of the run's wall time.
#   yeast: yeast chrI+II, base level against SGD's Ty/LTR features, and the classes of the
#          polished families whose elements overlap them.
#   Repolish.java polishes a finished run again from its files (for trying settings without discovery).
#   cdhit: bench/cluster/cluster-bench.sh (ours and cd-hit-est -c 0.8 -aS 0.8) on the chr2R and
#          first simulated raw libraries.
# Env: OUT (default /tmp/polish-bench; runs already there are reused), THREADS (default 2),
#      SEEDS, GENOMES (default ~/.cache/repeat-genomes), REPRISE_JAR.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=${REPRISE_JAR:-$ROOT/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar}
OUT=${OUT:-/tmp/polish-bench}
THREADS=${THREADS:-2}
SEEDS=${SEEDS:-"1 2 3"}
GENOMES=${GENOMES:-$HOME/.cache/repeat-genomes}
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -ntp -o -pl local-core -am -DskipTests package) >&2
mkdir -p "$OUT"
reprise() { nice java -XX:+UseParallelGC -jar "$JAR" "$@"; }

# run GENOME PREFIX: discovery and polishing, unless PREFIX.summary.json exists
run() {
  [ -f "$2.summary.json" ] || reprise -input "$1" -output "$2" --threads "$THREADS" --quiet
}
# totals LIB TRUTH_FA: "entries perfect good present missed false"
totals() {
  reprise evaluate-library --library "$1" --true-families "$2" --threads "$THREADS" > "$1.famEval.tsv"
  awk -F'\t' '$1=="TOTAL"{for(i=2;i<=NF;i++){split($i,kv,"=");v[kv[1]]=kv[2]};
    print v["library"], v["perfect"], v["good"], v["present"], v["missed"], v["false_entries"]}' "$1.famEval.tsv"
}
# base TRUTH PRED [GENOME] [args]: "sensitivity precision"
base() {
  local t=$1 p=$2; shift 2
  reprise evaluate --truth "$t" --prediction "$p" --per-contig=false "$@" | awk -F'\t' '$1=="ALL"{print $8, $10}'
}
row() { printf '%-10s %-8s %7s %7s %5s %7s %6s %5s %11s %9s\n' "$@"; }
header() { row genome library entries perfect good present missed false sensitivity precision; }

sim() {
  echo "== simulated genomes (20 Mb, 80 families, divergence up to 0.20; seeds $SEEDS)"
  header
  for s in $SEEDS; do
    local p=$OUT/sim$s
    [ -f "$p.fa" ] || reprise simulate -o "$p" --seed "$s" --length 20M --families 80 --max-divergence 0.20 --quiet
    run "$p.fa" "$p.out"
    # interspersed truth only (satellites and low-complexity stretches are not interspersed)
    awk -F'\t' '$7!="Satellite" && $7!="Low_complexity"' "$p.truth.bed" | cut -f1-6 > "$p.interspersed.bed"
    # family level against the interspersed families (satellite units are not to be reported)
    awk '/^>/{keep = ($0 !~ /^>sat/)} keep' "$p.families.fa" > "$p.interspersed.fa"
    read -r re rp rg rpr rm rf < <(totals "$p.out.reprof" "$p.interspersed.fa")
    read -r pe pp pg ppr pm pf < <(totals "$p.out.lib.fa" "$p.interspersed.fa")
    mv "$p.out.reprof.famEval.tsv" "$p.out.reprof.interspersed.tsv"; mv "$p.out.lib.fa.famEval.tsv" "$p.out.lib.fa.interspersed.tsv"
    # all true families (satellites included) for the classes below
    totals "$p.out.reprof" "$p.families.fa" > /dev/null
    totals "$p.out.lib.fa" "$p.families.fa" > /dev/null
    read -r rs rprec < <(base "$p.interspersed.bed" "$p.out.bed" --genome "$p.fa")
    read -r ps pprec < <(base "$p.interspersed.bed" "$p.out.lib.bed" --genome "$p.fa")
    row "sim$s" raw "$re" "$rp" "$rg" "$rpr" "$rm" "$rf" "$rs" "$rprec"
    row "sim$s" polished "$pe" "$pp" "$pg" "$ppr" "$pm" "$pf" "$ps" "$pprec"
    awk -v re="$re" -v pe="$pe" -v rg="$rg" -v rp="$rp" -v pg="$pg" -v pp="$pp" -v rpr="$rpr" -v ppr="$ppr" \
        -v rf="$rf" -v pf="$pf" -v rs="$rs" -v ps="$ps" -v pprec="$pprec" 'BEGIN{
      printf "  targets: good %d vs %d (%.2fx, >= 1.3), good+perfect %.2fx raw, perfect %d vs %d (>=), size %.2fx (<= 0.3), false %d vs %d (<=), sensitivity %+.4f (>= 0), precision %s (>= 0.99)\n",
        pg, rg, (rg>0 ? pg/rg : 0), (rg+rp>0 ? (pg+pp)/(rg+rp) : 0), pp, rp, pe/re, pf, rf, ps-rs, pprec }'
    # classification: each planted LTR/DNA/Satellite family found (not missed), its best entry's class
    awk -F'\t' 'FNR==NR { if ($0 ~ /^>/) { h=substr($1,2); split(h, a, "#"); cls[a[1]]=a[2] } next }
      FNR>1 && $1!="TOTAL" && $4!="missed" && $1 !~ /_LTR$/ {
        split($2, t, "/"); got=cls[$5]; split(got, g, "/");
        if (t[1]=="LTR" || t[1]=="DNA") { n[t[1]]++; if (g[1]==t[1]) ok[t[1]]++ }
        if (t[1]=="Satellite" && g[1]!="Satellite") bad++ }
      END { printf "  classes: LTR %d/%d correct, DNA %d/%d correct; satellite truth reported with an interspersed class: %d\n",
        ok["LTR"], n["LTR"], ok["DNA"], n["DNA"], bad+0 }' "$p.out.lib.fa" "$p.out.lib.fa.famEval.tsv"
    awk -F'\t' '$1!="TOTAL" && $4!="missed" && $1 !~ /_LTR$/ { split($2,t,"/"); if (t[1]=="Satellite") s++ }
      END { printf "  satellite truth matched by any raw entry: %d\n", s+0 }' "$p.out.reprof.famEval.tsv"
    awk '/"seconds"/{f=1} f && /"polish"|"total"/{gsub(/[",]/,""); printf "  %s s", $0} END{print ""}' "$p.out.summary.json"
  done
}

chr2R() {
  local g=$GENOMES/dm3_chr2R.softmasked.fa.gz p=$OUT/chr2R
  echo "== fly chr2R (soft-mask truth)"
  run "$g" "$p"
  row genome library entries "" "" "" "" "" sensitivity precision
  read -r rs rprec < <(base "$g" "$p.bed")
  read -r ps pprec < <(base "$g" "$p.lib.bed")
  row chr2R raw "$(grep -c '>' "$p.reprof")" "" "" "" "" "" "$rs" "$rprec"
  row chr2R polished "$(grep -c '>' "$p.lib.fa")" "" "" "" "" "" "$ps" "$pprec"
  awk '/"seconds"/{f=1} f && /"polish"|"total"/{gsub(/[",]/,""); split($0,a,":"); v[a[1]]=a[2]}
    END{ for (k in v) { gsub(/ /,"",k) } ; printf "  polishing %.1f s of %.1f s wall: %.1f%% (target <= 10%%)\n", v["    polish"], v["    total"], 100*v["    polish"]/v["    total"] }' "$p.summary.json"
  grep -h '"classes"' -A8 "$p.summary.json" | tr -d '\n ' ; echo
}

yeast() {
  local g=$GENOMES/sacCer_chrI_chrII.fa p=$OUT/yeast
  [ -f "$g" ] || g=$ROOT/examples/sacCer_chrI_chrII.fa.gz
  echo "== yeast chrI+II (SGD Ty/LTR features)"
  run "$g" "$p"
  local gff=$GENOMES/sacCer_chrI_chrII.sgd.gff3
  awk -F'\t' '$3=="LTR_retrotransposon" || $3=="long_terminal_repeat" {print $1"\t"$4-1"\t"$5}' "$gff" > "$p.ty.bed"
  row genome library entries "" "" "" "" "" sensitivity precision
  read -r rs rprec < <(base "$p.ty.bed" "$p.bed" --genome "$g")
  read -r ps pprec < <(base "$p.ty.bed" "$p.lib.bed" --genome "$g")
  row yeast raw "$(grep -c '>' "$p.reprof")" "" "" "" "" "" "$rs" "$rprec"
  row yeast polished "$(grep -c '>' "$p.lib.fa")" "" "" "" "" "" "$ps" "$pprec"
  # polished families with half or more of their element bases in Ty/LTR features, and their classes
  awk -F'\t' 'FNR==NR { n++; c[n]=$1; s[n]=$2; e[n]=$3; next }
    { tot[$4]+=$3-$2; for (i=1;i<=n;i++) if (c[i]==$1 && s[i]<$3 && e[i]>$2) { a=(s[i]>$2?s[i]:$2); b=(e[i]<$3?e[i]:$3); in_[$4]+=b-a } }
    END { for (f in tot) if (in_[f]*2 >= tot[f]) { split(f, parts, "#"); k[parts[2]]++; t++ }
      printf "  polished families mostly inside Ty/LTR features: %d; their classes:", t; for (cl in k) printf " %s=%d", cl, k[cl]; print "" }' "$p.ty.bed" "$p.lib.bed"
}

cdhit() {
  echo "== redundancy removal: ours and cd-hit-est -c 0.8 -aS 0.8 on raw libraries"
  for lib in "$OUT/chr2R.reprof" "$OUT/sim1.out.reprof"; do
    [ -f "$lib" ] || { echo "  $lib missing (run chr2R / sim first)"; continue; }
    echo "-- $lib"
    nice "$ROOT/bench/cluster/cluster-bench.sh" "$lib" "$THREADS"
  done
}

[ $# -gt 0 ] || set -- all
for what in "$@"; do
  case $what in
    sim) sim ;; chr2R) chr2R ;; yeast) yeast ;; cdhit) cdhit ;;
    all) sim; chr2R; yeast; cdhit ;;
    *) echo "unknown part: $what" >&2; exit 2 ;;
  esac
done
