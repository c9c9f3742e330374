#!/usr/bin/env bash
# Peak resident set of the exact strategy (bin/reprise: heap sized from the input) beside
# REPrise 1.0.1 on the same genomes, fresh processes run alternately, medians.
# Usage: bench/exact/memory.sh [GENOME ...]   (default: yeast chr2R chr20 composite)
# Env: REPRISE_BIN (REPrise binary; without it only ours runs), THREADS (2), RUNS (3; REPrise
#      runs once: it is slow), JAVA_OPTS (as bin/reprise), plus common.sh's.
# Prints per genome: wall, peak RSS, bytes per base of each, and RSS REPrise/ours.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
THREADS=${THREADS:-2}
[ $# -gt 0 ] || set -- yeast chr2R chr20 composite
: > "$WORK/times"
printf '%-10s %12s | %8s %9s %6s | %8s %9s %6s | %s\n' genome bases wall_s RSS_MB B/base REPr_s REPr_MB B/base "RSS REPrise/ours"
for name in "$@"; do
  g=$(genome "$name"); n=$(bases_of "$g")
  plain=$g
  if [ -n "${REPRISE_BIN:-}" ] && [[ $g == *.gz ]]; then plain=$WORK/$name.fa; [ -s "$plain" ] || gzip -dc "$g" > "$plain"; fi
  for r in $(seq 1 "$RUNS"); do
    timed "ours-$name" "$ROOT/bin/reprise" -input "$g" -output "$WORK/ours-$name" -q --threads "$THREADS" >&2
    if [ -n "${REPRISE_BIN:-}" ] && [ "$r" = 1 ]; then
      (cd "$WORK" && timed "reprise-$name" "$REPRISE_BIN" -input "$plain" -output "$WORK/reprise-$name" -pa "$THREADS" >&2)
    fi
  done
  ow=$(median "ours-$name" 2); om=$(median "ours-$name" 3); rw=$(median "reprise-$name" 2); rm=$(median "reprise-$name" 3)
  awk -v g="$name" -v n="$n" -v ow="$ow" -v om="$om" -v rw="$rw" -v rm="$rm" 'BEGIN {
    printf "%-10s %12d | %8.1f %9.0f %6.2f | %8s %9s %6s | %s\n", g, n, ow, om / 1024, om * 1024 / n,
      (rw == "nan" ? "-" : sprintf("%.1f", rw)), (rm == "nan" ? "-" : sprintf("%.0f", rm / 1024)),
      (rm == "nan" ? "-" : sprintf("%.2f", rm * 1024 / n)), (rm == "nan" ? "-" : sprintf("%.2fx", rm / om)) }'
done
