#!/usr/bin/env bash
# Fidelity of our repeat library + BED against REPrise's.
# Usage: bench/compare-reprise.sh OURS_PREFIX REPRISE_PREFIX GENOME_FASTA[.gz]
#   OURS_PREFIX     our -output prefix (PREFIX.reprof and PREFIX.bed; .gz accepted)
#   REPRISE_PREFIX  REPrise's -output prefix, or a reference prefix such as
#                   ../shared/reference/reprise_sacCer_chrI_chrII (reads .reprof.gz/.bed.gz)
#   GENOME_FASTA    the genome both were run on (for its length and contig names)
# Prints a readable report; the last line is one JSON object with every number.
# Env: MIN_PIDENT (95) BLAST_EVALUE (1e-5) FAMILY_COVER (0.8) NO_BLAST (0)
#      OURS_BED_END / REPRISE_BED_END = auto|inclusive|exclusive (auto: from the length column)
# Needs blastn + makeblastdb (ncbi-blast+) and python3 (standard library only).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
if [ $# -ge 1 ] && { [ "$1" = -h ] || [ "$1" = --help ]; }; then usage; exit 0; fi
if [ $# -ne 3 ]; then usage >&2; exit 2; fi
if [ "${NO_BLAST:-0}" = 0 ]; then
  for t in blastn makeblastdb; do
    command -v "$t" >/dev/null 2>&1 || {
      echo "error: $t not found. Install NCBI BLAST+: apt-get install -y ncbi-blast+ (or set NO_BLAST=1 to skip the consensus coverage)" >&2
      exit 1; }
  done
fi
command -v python3 >/dev/null 2>&1 || { echo "error: python3 not found" >&2; exit 1; }
[ -f "$3" ] || { echo "error: genome $3 not found" >&2; exit 1; }
exec nice python3 "$HERE/compare_libraries.py" "$1" "$2" "$3"
