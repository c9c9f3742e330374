#!/usr/bin/env bash
# A genome past 2^31 bases, discovered on this machine: `reprise simulate` writes a genome of two
# contigs, the first longer than 2^31 bases (default 2300M,200M: 2.5 Gbp of random sequence with
# planted families, copies past position 2^31 and copies cut by contig ends), then the local CLI
# runs it (--strategy auto: it must choose partitioned, a contig this long cannot be held whole)
# under /usr/bin/time -v, and every output coordinate past 2^31 is checked against the planted
# truth: the share of planted interspersed bases past 2^31 that the BED covers, and the share of
# BED bases past 2^31 that lie on planted repeats.
# Usage: bench/partitioned/beyond-2g.sh [CONTIG_SIZES]   Env: WORK (/tmp/reprise-beyond-2g), THREADS (2)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SIZES=${1:-2300M,200M}
WORK=${WORK:-/tmp/reprise-beyond-2g}; THREADS=${THREADS:-2}
mkdir -p "$WORK"
[ -f "$ROOT/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar" ] || (cd "$ROOT" && mvn -q -B -ntp -DskipTests -pl local-core -am package)
if [ ! -s "$WORK/big.fa" ]; then
  /usr/bin/time -v "$ROOT/bin/reprise" simulate -o "$WORK/big" --seed 7 --contig-sizes "$SIZES" 2> "$WORK/simulate.time" >&2
  echo "simulated: $(awk -F': ' '/Elapsed/ {print $2}' "$WORK/simulate.time") wall, $(ls -la "$WORK/big.fa" | awk '{print $5}') bytes of FASTA"
fi
/usr/bin/time -v "$ROOT/bin/reprise" -input "$WORK/big.fa" -output "$WORK/out" --threads "$THREADS" 2> "$WORK/run.log"
grep -E "strategy|partitions of|done:" "$WORK/run.log" | sed 's/^/  /'
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/run.log")
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/run.log")
bases=$(python3 -c "import json; print(json.load(open('$WORK/out.summary.json'))['genome']['bases'])")
echo "run: wall $wall, peak RSS $(( rss / 1024 )) MB, $(python3 -c "print('%.2f' % ($rss * 1024 / $bases))") bytes per base"
python3 - "$WORK/out.summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("  seconds: " + ", ".join("%s %.0f" % (k, v) for k, v in s["seconds"].items()))
p = s.get("partitioned", {})
r = p.get("reconciliation", {})
print("  %s partitions of %s bases (largest %s), %s genome-wide candidates, heap estimate %.1f GiB, peak heap %.1f GiB"
      % (p.get("partitions"), p.get("partition_size"), p.get("largest_partition_bases"), p.get("genome_wide_candidates"),
         p.get("heap_estimate_bytes", 0) / 2**30, s.get("peak_heap_bytes", 0) / 2**30))
print("  genome-wide pass: %s candidates (%.1f GiB of columns), %s seeds, %s families of %s"
      % (r.get("genome_wide_pass_candidates"), r.get("genome_wide_pass_candidate_bytes", 0) / 2**30,
         r.get("genome_wide_pass_seeds"), r.get("genome_wide_pass_families"), r.get("families")))
PY
python3 "$ROOT/bench/partitioned/past2g.py" "$WORK/big.truth.bed" "$WORK/out.bed"
