#!/usr/bin/env bash
# Does the second core help? The exact strategy at --threads 1 and 2, fresh processes
# (bin/reprise), run alternately, medians and the speed-up 1-thread/2-thread, on fly chr2R and on
# its 2-7 Mb slice (5 Mb).
# Usage: bench/exact/threads.sh [GENOME ...]   (default: chr2R chr2R-slice)
# Env: RUNS (3), JAVA_OPTS (as bin/reprise), plus common.sh's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ $# -gt 0 ] || set -- chr2R chr2R-slice
: > "$WORK/times"
printf '%-12s %10s %10s %10s %10s %9s\n' genome 1t_wall_s 2t_wall_s 1t_user_s 2t_user_s speed-up
for name in "$@"; do
  if [ "$name" = chr2R-slice ]; then
    g=$WORK/chr2R_2-7M.fa
    [ -s "$g" ] || { echo ">chr2R_2000000_7000000"; gzip -dc "$(genome chr2R)" | grep -v '^>' | tr -d '\n' |
      cut -c 2000001-7000000 | fold -w 60; } > "$g"
  else
    g=$(genome "$name")
  fi
  for r in $(seq 1 "$RUNS"); do
    for t in 1 2; do
      timed "$name-$t" "$ROOT/bin/reprise" -input "$g" -output "$WORK/$name-t$t" -q --threads "$t" >&2
    done
  done
  cmp -s "$WORK/$name-t1.bed" "$WORK/$name-t2.bed" || echo "warning: $name: outputs differ between 1 and 2 threads" >&2
  w1=$(median "$name-1" 2); w2=$(median "$name-2" 2)
  awk -v g="$name" -v w1="$w1" -v w2="$w2" -v u1="$(median "$name-1" 4)" -v u2="$(median "$name-2" 4)" \
    'BEGIN {printf "%-12s %10.2f %10.2f %10.2f %10.2f %8.2fx\n", g, w1, w2, u1, u2, w1 / w2}'
done
