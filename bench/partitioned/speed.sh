#!/usr/bin/env bash
# Partitioned against exact, wall time and memory, side by side in one session: for each genome,
# the exact strategy and the partitioned one (the genome cut into PARTS partitions of equal size),
# each a fresh process of the CLI at THREADS threads under /usr/bin/time -v, alternating, RUNS
# times. Prints per genome the median wall time, CPU time (user + system) and peak RSS of each, each phase, the bytes of RSS per base
# and the ratio partitioned / exact, and checks both runs' families and masked bases.
#
# Usage: bench/partitioned/speed.sh [chr2R contigs11k composite ...]   (files from ../shared/data/get-genomes.sh)
# Env: THREADS (2), PARTS (4), RUNS (1), WORK (/tmp/reprise-partitioned-speed), GENOMES
#      (~/.cache/repeat-genomes), JAVA_OPTS (bin/reprise's own when unset)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=$ROOT/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -ntp -DskipTests -pl local-core -am package)
THREADS=${THREADS:-2}; PARTS=${PARTS:-4}; RUNS=${RUNS:-1}
WORK=${WORK:-/tmp/reprise-partitioned-speed}; GDIR=${GENOMES:-$HOME/.cache/repeat-genomes}
mkdir -p "$WORK"; cp "$JAR" "$WORK/reprise.jar"
# the command a user runs: bin/reprise, which sizes the heap (JAVA_OPTS passes through to it)
J="env REPRISE_JAR=$WORK/reprise.jar $ROOT/bin/reprise"
TARGETS=("$@"); [ ${#TARGETS[@]} -gt 0 ] || TARGETS=(chr2R)
secs() { awk -F': ' '/Elapsed \(wall clock\)/ { k = split($2, t, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + t[i]; print s }' "$1"; }
kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
for t in "${TARGETS[@]}"; do
  case $t in
    chr2R) g=$GDIR/dm3_chr2R.softmasked.fa.gz ;;
    contigs11k) g=$GDIR/contigs_11k.fa.gz ;;
    composite) g=$GDIR/composite_207M.fa.gz ;;
    chr20) g=$GDIR/hg19_chr20.fa.gz ;;
    *) g=$t ;;
  esac
  [ -s "$g" ] || { echo "speed: missing $g (run ../shared/data/get-genomes.sh)" >&2; exit 2; }
  bases=$(gzip -dcf "$g" | grep -v '^>' | tr -d '\n\r' | wc -c)
  size=$(( (bases + PARTS - 1) / PARTS ))
  for i in $(seq 1 "$RUNS"); do
    for s in exact partitioned; do
      extra=(); [ $s = partitioned ] && extra=(--partition-size "$size")
      /usr/bin/time -v $J -input "$g" -output "$WORK/$t-$s" --strategy $s "${extra[@]}" --threads "$THREADS" -q \
        2> "$WORK/$t-$s.$i.time" || { echo "speed: $t $s failed:" >&2; tail -5 "$WORK/$t-$s.$i.time" >&2; exit 1; }
    done
  done
  python3 - "$WORK" "$t" "$RUNS" "$bases" "$PARTS" "$THREADS" <<'PY'
import json, re, statistics, sys
work, t, runs, bases, parts, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
def fig(path):
    txt = open(path).read()
    w = re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)', txt).group(1).split(':')
    wall = 0.0
    for x in w: wall = wall * 60 + float(x)
    rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', txt).group(1)) * 1024
    cpu = float(re.search(r'User time \(seconds\): (\S+)', txt).group(1)) + float(re.search(r'System time \(seconds\): (\S+)', txt).group(1))
    return wall, rss, cpu
out = {}
for s in ('exact', 'partitioned'):
    f = [fig('%s/%s-%s.%d.time' % (work, t, s, i)) for i in range(1, runs + 1)]
    summ = json.load(open('%s/%s-%s.summary.json' % (work, t, s)))
    out[s] = (statistics.median(x[0] for x in f), statistics.median(x[1] for x in f), summ,
              statistics.median(x[2] for x in f), [x[0] for x in f])
print('%s: %d bases, %s threads, partitioned in %s partitions, median of %d run(s) each' % (t, bases, threads, parts, runs))
print('  %-12s %9s %9s %10s %10s %9s %12s  %s' % ('strategy', 'wall (s)', 'CPU (s)', 'RSS (MB)', 'B/base', 'families', 'masked', 'walls'))
for s in ('exact', 'partitioned'):
    wall, rss, summ, cpu, walls = out[s]
    print('  %-12s %9.1f %9.1f %10.0f %10.2f %9d %12d  %s' % (s, wall, cpu, rss / 1e6, rss / bases, summ['families'],
          summ['masked_bases'], ' '.join('%.1f' % w for w in walls)))
    print('  %-12s phases: %s' % ('', ', '.join('%s %.1f' % kv for kv in summ['seconds'].items())))
e, p = out['exact'], out['partitioned']
print('  partitioned / exact: wall %.2fx, CPU %.2fx, RSS %.2fx, masked bases %+.3f percentage points of the genome'
      % (p[0] / e[0], p[3] / e[3], p[1] / e[1], 100.0 * (p[2]['masked_bases'] - e[2]['masked_bases']) / bases))
PY
done
