#!/usr/bin/env bash
# Does anything cost more with more contigs, beyond the contig table? One simulated genome
# (`reprise simulate`, LENGTH bases), cut into FEW contigs and into MANY contigs (default 10,000
# and 1,000,000: the same bases in the same order, only the headers differ), each run with the
# exact and the partitioned strategy under /usr/bin/time -v. Prints, per run, wall time, peak RSS
# and the phases of summary.json, and the ratio MANY/FEW of each: a cost that grew with the contig
# count would show as a ratio well above 1 outside the loading (which builds the contig table).
# Both counts run with the same k (K, default 15, the default k of the FEW genome): REPrise's
# default k grows with the contig count (11,000 separator bases a contig in its buffer length:
# 18 for a million contigs of 100 bases), which would compare different work.
# Usage: bench/partitioned/many-contigs.sh   Env: LENGTH (100M), FEW (10000), MANY (1000000),
#        THREADS (2), PARTITION_SIZE (25M), K (15), WORK (/tmp/reprise-many-contigs), JAVA_OPTS
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LENGTH=${LENGTH:-100M}; FEW=${FEW:-10000}; MANY=${MANY:-1000000}; THREADS=${THREADS:-2}
PARTITION_SIZE=${PARTITION_SIZE:-25M}; K=${K:-15}; WORK=${WORK:-/tmp/reprise-many-contigs}
JAR=$ROOT/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -ntp -DskipTests -pl local-core -am package)
mkdir -p "$WORK"; cp "$JAR" "$WORK/reprise.jar"
J="java ${JAVA_OPTS:--XX:+UseParallelGC -Xmx8g} -jar $WORK/reprise.jar"
[ -s "$WORK/genome.fa" ] || $J simulate -o "$WORK/genome" --seed 11 --length "$LENGTH" --contigs 4 -q
for n in "$FEW" "$MANY"; do
  [ -s "$WORK/c$n.fa" ] || python3 - "$WORK/genome.fa" "$n" "$WORK/c$n.fa" <<'PY'
import sys
seq = ''.join(l.strip() for l in open(sys.argv[1]) if not l.startswith('>'))
n = int(sys.argv[2]); size = len(seq) // n
with open(sys.argv[3], 'w') as out:
    for i in range(n):
        s = seq[i * size:(i + 1) * size if i < n - 1 else len(seq)]
        out.write('>contig_%d\n' % (i + 1))
        for j in range(0, len(s), 60):
            out.write(s[j:j + 60] + '\n')
PY
done
declare -A WALL RSS
for strategy in exact partitioned; do
  for n in "$FEW" "$MANY"; do
    out=$WORK/$strategy-c$n
    extra=(); [ "$strategy" = partitioned ] && extra=(--partition-size "$PARTITION_SIZE")
    /usr/bin/time -v $J -input "$WORK/c$n.fa" -output "$out" --strategy "$strategy" "${extra[@]}" -k "$K" --threads "$THREADS" -q \
      2> "$out.time"
    WALL[$strategy$n]=$(awk -F': ' '/Elapsed \(wall clock\)/ { k = split($2, t, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + t[i]; print s }' "$out.time")
    RSS[$strategy$n]=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out.time")
  done
  python3 - "$WORK/$strategy-c$FEW.summary.json" "$WORK/$strategy-c$MANY.summary.json" "$strategy" "$FEW" "$MANY" \
    "${WALL[$strategy$FEW]}" "${WALL[$strategy$MANY]}" "${RSS[$strategy$FEW]}" "${RSS[$strategy$MANY]}" <<'PY'
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
strategy, few, many = sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
wa, wb, ra, rb = map(float, sys.argv[6:10])
print('{} strategy, {:,} bases: {:,} contigs vs {:,} contigs'.format(strategy, a['genome']['bases'], few, many))
print('  %-22s %10s %10s %7s' % ('', '%d' % few, '%d' % many, 'ratio'))
print('  %-22s %10.1f %10.1f %7.2f' % ('wall (s)', wa, wb, wb / wa))
print('  %-22s %10.0f %10.0f %7.2f' % ('peak RSS (MB)', ra / 1024, rb / 1024, rb / ra))
for k in a['seconds']:
    x, y = a['seconds'][k], b['seconds'].get(k, 0)
    print('  %-22s %10.2f %10.2f %7.2f' % (k + ' (s)', x, y, y / x if x else float('nan')))
print('  %-22s %10d %10d' % ('families', a['families'], b['families']))
print('  %-22s %10d %10d' % ('masked bases', a['masked_bases'], b['masked_bases']))
PY
done
