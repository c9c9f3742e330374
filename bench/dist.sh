#!/usr/bin/env bash
# Cost of inexact seeds: times our jar with -dist 0 and with -dist 1 (wall, peak RSS, ratio).
# Usage: bench/dist.sh [GENOME] [extra args for both runs]   GENOME default: chr2R
#   GENOME as for speed.sh: a FASTA[.gz] path or yeast | chr2R | ecoli | contigs11k
# Env: REPRISE_JAR, RUNS (median of N runs, default 1), JAVA_OPTS, GENOMES (see speed.sh)
# Prints both runs, the ratio dist1/dist0, and as the last line one JSON object.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
usage() { sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
if [ $# -ge 1 ] && { [ "$1" = -h ] || [ "$1" = --help ]; }; then usage; exit 0; fi
GENOME=${1:-chr2R}; [ $# -gt 0 ] && shift
TMP=$(mktemp -d "${TMPDIR:-/tmp}/reprise-dist.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
for d in 0 1; do
  echo "### -dist $d"
  ONLY=ours "$HERE/speed.sh" "$GENOME" -dist "$d" "$@" | tee "$TMP/d$d"
  echo
done
python3 - "$TMP/d0" "$TMP/d1" <<'PY'
import json, sys
a = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
b = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
print("== -dist 0 vs -dist 1 on %s (%d bases), median of %d run(s)" % (a["genome"], a["bases"], a["runs"]))
print("%-8s %10s %12s" % ("", "wall_s", "peakRSS_MB"))
print("%-8s %10.2f %12.1f" % ("dist 0", a["ours_wall_s"], a["ours_peak_rss_kb"] / 1024))
print("%-8s %10.2f %12.1f" % ("dist 1", b["ours_wall_s"], b["ours_peak_rss_kb"] / 1024))
rw = b["ours_wall_s"] / a["ours_wall_s"] if a["ours_wall_s"] else None
rm = b["ours_peak_rss_kb"] / a["ours_peak_rss_kb"] if a["ours_peak_rss_kb"] else None
print("ratio dist1/dist0: wall %.2fx  peak RSS %.2fx" % (rw or 0, rm or 0))
print(json.dumps({"genome": a["genome"], "bases": a["bases"], "runs": a["runs"],
                  "dist0_wall_s": a["ours_wall_s"], "dist1_wall_s": b["ours_wall_s"],
                  "dist0_peak_rss_kb": a["ours_peak_rss_kb"], "dist1_peak_rss_kb": b["ours_peak_rss_kb"],
                  "wall_ratio_dist1_over_dist0": rw, "rss_ratio_dist1_over_dist0": rm}, sort_keys=True))
PY
