#!/usr/bin/env bash
# Cost of inexact seeds in the exact strategy: -dist 0, 1 and 2 on one genome, fresh processes
# (bin/reprise) run alternately, medians and ratios to -dist 0; and -dist 2 against REPrise
# 1.0.1 on yeast (same .freq, .reprof and .bed, REPrise's BED end made half-open).
# Usage: bench/exact/dist.sh [GENOME]   (default: chr2R)
# Env: REPRISE_BIN (for the yeast check; skipped without it), DISTS ("0 1 2"), THREADS (2),
#      RUNS (3), plus common.sh's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
THREADS=${THREADS:-2}; DISTS=${DISTS:-0 1 2}
name=${1:-chr2R}; g=$(genome "$name")
: > "$WORK/times"
for r in $(seq 1 "$RUNS"); do
  for d in $DISTS; do
    timed "dist$d" "$ROOT/bin/reprise" -input "$g" -output "$WORK/$name-d$d" -q --threads "$THREADS" -dist "$d" >&2
  done
done
w0=$(median dist0 2)
printf '%-7s %9s %9s %8s\n' "$name" wall_s RSS_MB "x dist0"
for d in $DISTS; do
  awk -v d="$d" -v w="$(median "dist$d" 2)" -v m="$(median "dist$d" 3)" -v w0="$w0" \
    'BEGIN {printf "dist %-2s %9.2f %9.0f %7.2fx\n", d, w, m / 1024, w / w0}'
done
if [ -n "${REPRISE_BIN:-}" ]; then
  y=$(genome yeast)
  "$ROOT/bin/reprise" -input "$y" -output "$WORK/yeast-ours-d2" -q --threads "$THREADS" -dist 2
  [ -s "$WORK/yeast-reprise-d2.reprof" ] || (cd "$WORK" && "$REPRISE_BIN" -input "$y" -output "$WORK/yeast-reprise-d2" -dist 2 -additonalfile >/dev/null)
  ok=1
  cmp -s "$WORK/yeast-ours-d2.reprof" "$WORK/yeast-reprise-d2.reprof" || { echo "yeast -dist 2: .reprof differs from REPrise's"; ok=0; }
  # REPrise's .freq in ours, in order: ours also has the seeds of REPrise's last partial block of
  # 1,000 candidates, which REPrise drops (docs/ALGORITHM.md)
  awk -F'\t' 'NR == FNR {want[++n] = $1 "\t" $2; next} $1 "\t" $2 == want[i + 1] {i++} END {exit i == n ? 0 : 1}' \
    "$WORK/yeast-reprise-d2.freq" "$WORK/yeast-ours-d2.freq" ||
    { echo "yeast -dist 2: REPrise's .freq k-mers and counts are not all in ours, in order"; ok=0; }
  diff -q <(cut -f1-3 "$WORK/yeast-ours-d2.bed") <(awk -F'\t' -v OFS='\t' '{print $1, $2, $3 + 1}' "$WORK/yeast-reprise-d2.bed") >/dev/null ||
    { echo "yeast -dist 2: .bed intervals differ from REPrise's"; ok=0; }
  [ $ok = 1 ] && echo "yeast -dist 2: .reprof, .freq (k-mers, counts) and .bed intervals equal REPrise's (.freq: all REPrise's lines in order)"
fi
