#!/usr/bin/env bash
# Two builds (or two commands) side by side on one genome, as a user runs them: fresh processes,
# A and B in turn, RUNS times each, /usr/bin/time -v for wall time and peak RSS; prints every run,
# then the medians and the median of the ratios B/A (pairs run back to back, so a machine that
# drifts affects both alike), and whether the outputs of the last runs are byte-identical.
#
# Usage: bench/compare-builds.sh 'COMMAND A' 'COMMAND B'
#   each COMMAND is run with its output prefix appended as two more words: "-output DIR/a-N" or
#   "-output DIR/b-N" (a local-core CLI command line), or, when it contains {OUT}, with {OUT}
#   replaced by that prefix (e.g. a Spark job's output directory).
# Env: RUNS (3), WORK (/tmp/reprise-compare), OUTPUTS (".reprof .bed .freq .masked": suffixes compared)
# Example (the jar before a change against the jar now, fly chr2R, 2 threads):
#   bench/compare-builds.sh "java -jar /tmp/old.jar -input chr2R.fa.gz --threads 2 -q" \
#                           "java -jar local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar -input chr2R.fa.gz --threads 2 -q"
set -euo pipefail
[ $# -eq 2 ] || { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2; }
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/reprise-compare}
OUTPUTS=${OUTPUTS:-.reprof .bed .freq .masked}
[ -x /usr/bin/time ] || { echo "compare-builds: /usr/bin/time missing: apt-get install -y time" >&2; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"
run() { # label command n
  local out=$WORK/$1-$3 cmd=$2
  if [[ $cmd == *"{OUT}"* ]]; then cmd=${cmd//\{OUT\}/$out}; else cmd="$cmd -output $out"; fi
  /usr/bin/time -v bash -c "$cmd" > "$WORK/$1-$3.log" 2> "$WORK/$1-$3.time" || {
    echo "compare-builds: run $1-$3 failed:" >&2; tail -20 "$WORK/$1-$3.time" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$WORK/$1-$3.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$WORK/$1-$3.time")
  echo "$1 $3 $wall $rss" | tee -a "$WORK/runs.txt"
}
for i in $(seq 1 "$RUNS"); do
  run a "$1" "$i"
  run b "$2" "$i"
done
python3 - "$WORK/runs.txt" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
a = {int(r[1]): (float(r[2]), float(r[3])) for r in rows if r[0] == 'a'}
b = {int(r[1]): (float(r[2]), float(r[3])) for r in rows if r[0] == 'b'}
med = lambda xs: statistics.median(xs)
print("median wall s   A %.2f   B %.2f   B/A %.3f (median of pair ratios)" % (
    med([v[0] for v in a.values()]), med([v[0] for v in b.values()]), med([b[i][0] / a[i][0] for i in a])))
print("median RSS MB   A %.0f   B %.0f   B/A %.3f" % (
    med([v[1] for v in a.values()]), med([v[1] for v in b.values()]), med([b[i][1] / a[i][1] for i in a])))
PY
last=$RUNS
for s in $OUTPUTS; do
  fa=$(ls "$WORK/a-$last"$s "$WORK/a-$last"/*$s 2>/dev/null | head -1 || true)
  fb=$(ls "$WORK/b-$last"$s "$WORK/b-$last"/*$s 2>/dev/null | head -1 || true)
  if [ -n "$fa" ] && [ -n "$fb" ] && cmp -s "$fa" "$fb"; then echo "  $s identical"; else echo "  $s DIFFERS ($fa vs $fb)"; fi
done
