#!/usr/bin/env bash
# A human-sized genome on one machine: `reprise simulate --preset human` at LENGTH (300M, 1G or the
# preset's 3.1G), then the command a user runs, bin/reprise with --strategy auto (it picks
# partitioned when the exact strategy does not fit), under /usr/bin/time -v. Prints the wall time,
# CPU time, peak RSS and bytes of RSS per base, each phase's seconds, the partitioning, the
# reconciliation's figures, then against the planted truth: base-level sensitivity and precision of
# the BED (reprise evaluate, interspersed classes) and the true families recovered by the raw
# library (reprise evaluate-library: perfect + good, one consensus covering >= 80% of a family at
# >= 80% identity). With a contig past 2^31 (CONTIG_SIZES, e.g. 2300M,200M), every coordinate past
# 2^31 is checked against the truth (past2g.py).
#
# Usage: bench/partitioned/human.sh [LENGTH]   (LENGTH as simulate's --length: 300M, 1G; "full" = 3.1G)
# Env: THREADS (2), WORK (/tmp/reprise-human), SEED (1), CONTIG_SIZES (simulate's --contig-sizes),
#      STRATEGY (auto; partitioned to see that strategy where the exact one still fits), OUT (a suffix
#      of the run's outputs, to keep runs of one genome apart),
#      EVAL_LIBRARY=0 (skip evaluate-library: on a library of thousands of entries it takes longer
#      than the run), REUSE=1 (score a run whose summary is already there, without running it again),
#      EXTRA (more options for the discovery run, e.g. "--partition-size 100000000")
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LENGTH=${1:-300M}; THREADS=${THREADS:-2}; SEED=${SEED:-1}
WORK=${WORK:-/tmp/reprise-human}; mkdir -p "$WORK"
JAR=$ROOT/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -ntp -DskipTests -pl local-core -am package)
cp "$JAR" "$WORK/reprise.jar" # a rebuild during the run must not change what is measured
R="env REPRISE_JAR=$WORK/reprise.jar $ROOT/bin/reprise"
name=human-$LENGTH${CONTIG_SIZES:+-$CONTIG_SIZES}
g=$WORK/$name
if [ ! -s "$g.fa" ]; then
  sim=(simulate -o "$g" --preset human --seed "$SEED")
  [ "$LENGTH" = full ] || sim+=(--length "$LENGTH")
  [ -z "${CONTIG_SIZES:-}" ] || sim+=(--contig-sizes "$CONTIG_SIZES")
  /usr/bin/time -v $R "${sim[@]}" 2> "$g.simulate.time" >&2
  echo "simulated $name: $(awk -F': ' '/Elapsed/ {print $2}' "$g.simulate.time") wall, $(stat -c %s "$g.fa") bytes of FASTA"
fi
# shellcheck disable=SC2086
[ -n "${REUSE:-}" ] && [ -s "$g.out${OUT:-}.summary.json" ] || /usr/bin/time -v $R -input "$g.fa" -output "$g.out${OUT:-}" --strategy "${STRATEGY:-auto}" --threads "$THREADS" ${EXTRA:-} 2> "$g.run${OUT:-}.log" \
  || { echo "human: the run failed:" >&2; tail -5 "$g.run${OUT:-}.log" >&2; exit 1; }
grep -E "strategy:|partitions of|done:" "$g.run${OUT:-}.log" | sed 's/^/  /'
python3 - "$g.run${OUT:-}.log" "$g.out${OUT:-}.summary.json" <<'PY'
import json, re, sys
log = open(sys.argv[1]).read()
w = re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)', log).group(1).split(':')
wall = 0.0
for x in w: wall = wall * 60 + float(x)
rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', log).group(1)) * 1024
cpu = float(re.search(r'User time \(seconds\): (\S+)', log).group(1)) + float(re.search(r'System time \(seconds\): (\S+)', log).group(1))
s = json.load(open(sys.argv[2]))
bases = s['genome']['bases']
print('%s: %d bases in %d contigs, strategy %s' % (s['input'], bases, s['genome']['contigs'], s['strategy']))
print('  wall %.0f s (%.1f min), CPU %.0f s, peak RSS %.2f GiB, %.2f bytes per base' % (wall, wall / 60, cpu, rss / 2**30, rss / bases))
print('  phases (s): ' + ', '.join('%s %.0f' % kv for kv in s['seconds'].items()))
p = s.get('partitioned')
if p:
    r = p['reconciliation']
    print('  %d partitions of %d bases, %d genome-wide candidates' % (p['partitions'], p['partition_size'], p['genome_wide_candidates']))
    print('  reconciliation (ms): ' + ', '.join('%s %s' % (k, v) for k, v in r.items() if k.endswith('_ms')))
    print('  partition families %s, merged by seed %s, redrafted %s, thin seeds %s (%s families), merged by clustering %s'
          % (r.get('partition_families'), r.get('families_merged_by_seed'), r.get('families_redrafted'),
             r.get('genome_wide_pass_seeds_thin'), r.get('genome_wide_pass_families'), r.get('families_merged_by_clustering')))
    print('  memory after each phase (GiB of RSS): ' + ', '.join('%s %.2f' % (k, v['rss'] / 2**30) for k, v in p['memory_after_phase'].items()))
print('  families %d, masked %d bases (%.2f%%)' % (s['families'], s['masked_bases'], 100.0 * s['masked_bases'] / bases))
PY
$R evaluate --truth "$g.truth.bed" --prediction "$g.out${OUT:-}.bed" --genome "$g.fa" 2>/dev/null \
  | awk -F'\t' '$1 == "ALL" {print "  against the truth, base level: sensitivity " $8 ", precision " $10}'
[ "${EVAL_LIBRARY:-1}" = 0 ] && exit 0
$R evaluate-library --library "$g.out${OUT:-}.reprof" --true-families "$g.families.fa" --json "$g.families${OUT:-}.json" > "$g.families${OUT:-}.tsv" 2>/dev/null
python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['totals']; print('  true families recovered (perfect + good): %d (perfect %d) of %d; library %d, false entries %d' % (d['perfect'] + d['good'], d['perfect'], d['families'], d['library'], d['false_entries']))" "$g.families${OUT:-}.json"
if [ -n "${CONTIG_SIZES:-}" ]; then
  python3 "$ROOT/bench/partitioned/past2g.py" "$g.truth.bed" "$g.out${OUT:-}.bed"
fi
