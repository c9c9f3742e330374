#!/usr/bin/env bash
# Consensus clustering, ours and cd-hit-est side by side, on one library FASTA.
# Usage: bench/cluster/cluster-bench.sh LIBRARY.fa [THREADS]
#        bench/cluster/cluster-bench.sh --synth OUT.fa [FAMILIES FRAGMENTS SEED MAXDIV PARTS]   (writes a synthetic library)
# Ours: ConsensusClustering, identity >= 0.80 over >= 0.80 of the shorter, equal support for all
# (so the order is cd-hit's, length descending); 3 runs in one JVM (the first is the JIT's warm-up);
# wall and CPU seconds of each, cluster count, and pair agreement with the fam= of synthetic headers.
# cd-hit-est (when $CDHIT, default /usr/bin/cd-hit-est, exists; CDHIT=none to skip):
#   cd-hit-est -i LIBRARY -o OUT -c 0.8 -aS 0.8 -n 5 -M 0 -T THREADS, wall time and cluster count;
#   with CDHIT_G0=1 also with -G 0 (local identity, our definition of identity).
# Env: REPRISE_JAR (default <repo>/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar, built if missing),
#      RUNS (default 3), OUTDIR (default a temporary folder, removed).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=${REPRISE_JAR:-$ROOT/local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar}
usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
if [ $# -ge 1 ] && { [ "$1" = -h ] || [ "$1" = --help ]; }; then usage; exit 0; fi
[ $# -ge 1 ] || { usage >&2; exit 2; }
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -q -B -ntp -o -pl local-core -am -DskipTests package) >&2
fi
if [ "$1" = --synth ]; then
  shift
  exec java -cp "$JAR" "$HERE/ClusterBench.java" synth "$@"
fi
LIB=$1
THREADS=${2:-2}
RUNS=${RUNS:-3}
CDHIT=${CDHIT:-/usr/bin/cd-hit-est}
[ -f "$LIB" ] || { echo "error: $LIB: no such file" >&2; exit 1; }
OUT=${OUTDIR:-$(mktemp -d)}
mkdir -p "$OUT"
CLSTR=
if [ "$CDHIT" != none ] && [ -x "$CDHIT" ]; then
  echo "== cd-hit-est -c 0.8 -aS 0.8 -n 5 -M 0 -T $THREADS"
  t0=$(date +%s.%N)
  "$CDHIT" -i "$LIB" -o "$OUT/cdhit" -c 0.8 -aS 0.8 -n 5 -M 0 -T "$THREADS" > "$OUT/cdhit.log" 2>&1
  t1=$(date +%s.%N)
  printf 'cd-hit-est: wall %.2f s, %d clusters\n' "$(echo "$t1 - $t0" | bc)" "$(grep -c '^>Cluster' "$OUT/cdhit.clstr")"
  CLSTR=$OUT/cdhit.clstr
  if [ "${CDHIT_G0:-0}" = 1 ]; then
    t0=$(date +%s.%N)
    "$CDHIT" -i "$LIB" -o "$OUT/cdhit-g0" -c 0.8 -aS 0.8 -n 5 -M 0 -T "$THREADS" -G 0 > "$OUT/cdhit-g0.log" 2>&1
    t1=$(date +%s.%N)
    printf 'cd-hit-est -G 0: wall %.2f s, %d clusters\n' "$(echo "$t1 - $t0" | bc)" "$(grep -c '^>Cluster' "$OUT/cdhit-g0.clstr")"
  fi
fi
echo "== ours, $THREADS threads"
java -cp "$JAR" "$HERE/ClusterBench.java" cluster "$LIB" "$THREADS" "$RUNS" $CLSTR
[ -n "${OUTDIR:-}" ] || rm -rf "$OUT"
