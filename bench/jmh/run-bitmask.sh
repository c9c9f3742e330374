#!/usr/bin/env bash
# Builds reprise-local-core and this JMH project, then measures Bitmask claimRange+releaseRange
# throughput (ops/s) with 1 and 2 threads, range lengths 20 bp and 5,000 bp, uncontended and
# contended. Short settings: 1 fork, 2 x 1 s warm-up, 3 x 1 s measurement. Extra arguments are
# passed to JMH (e.g. -p length=20).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

(cd "$repo" && nice mvn -q -B -pl local-core -am install -DskipTests)
(cd "$here" && nice mvn -q -B package)

jar="$here/target/benchmarks.jar"
out="$here/target/jmh"
mkdir -p "$out"
for t in 1 2; do
  echo "=== threads: $t ==="
  java -jar "$jar" 'org.reprise.bench.BitmaskBenchmark' \
      -f 1 -wi 2 -i 3 -w 1s -r 1s -t "$t" \
      -rf text -rff "$out/bitmask-t$t.txt" "$@" > "$out/bitmask-t$t.log"
  cat "$out/bitmask-t$t.txt"
done
