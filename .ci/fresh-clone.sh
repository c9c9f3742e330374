#!/usr/bin/env bash
# What a new user sees: the README's first command run in a fresh copy of the repository (tracked
# files only, no build output), with a Maven local repository that holds the third-party artifacts
# of ~/.m2 but nothing of this project (org/reprise), so that a command relying on an earlier
# 'mvn install' fails here as it would on a new machine. Its outputs are then checked: the seven
# files and _SUCCESS, and the library equal to REPrise 1.0.1's on the bundled genome.
# Usage: .ci/fresh-clone.sh   (from anywhere; run by .ci/run)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/reprise-fresh.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# ---- a fresh copy: what git tracks (or, outside a git checkout, everything but build output)
mkdir "$TMP/clone"
if git -C "$ROOT" rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar cf - 2>/dev/null) | tar xf - -C "$TMP/clone"
else
  (cd "$ROOT" && tar cf - --exclude=target --exclude=.git .) | tar xf - -C "$TMP/clone"
fi

# ---- a local repository without this project's artifacts
M2=$TMP/m2
mkdir -p "$M2/org"
REPO=$HOME/.m2/repository
if [ -d "$REPO" ]; then
  for entry in "$REPO"/*; do
    [ -e "$entry" ] || continue
    [ "$(basename "$entry")" = org ] || ln -s "$entry" "$M2/"
  done
  for entry in "$REPO"/org/*; do
    [ -e "$entry" ] || continue
    [ "$(basename "$entry")" = reprise ] || ln -s "$entry" "$M2/org/"
  done
fi
export MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=$M2"

# ---- the README's first command, with its output folder moved into the temporary one
first=$(awk '/^## Two commands/ { want = 1 } want && /^```bash/ { getline; print; exit }' "$ROOT/README.md")
first=${first%%#*}
case $first in
  *"-output /tmp/yeast"*) ;;
  *) echo "fresh-clone: the README's first command is not the one this check knows: '$first'" >&2; exit 1 ;;
esac
cmd=${first//-output \/tmp\/yeast/-output $TMP/out/yeast}
echo "fresh-clone: in a fresh copy, with no org.reprise artifacts in the Maven repository: $first" >&2
start=$(date +%s)
(cd "$TMP/clone" && eval "$cmd") > "$TMP/first.log" 2>&1 || {
  echo "fresh-clone: the README's first command failed:" >&2; tail -n 30 "$TMP/first.log" >&2; exit 1; }
echo "fresh-clone: it took $(( $(date +%s) - start )) s (building the jars included)" >&2

# ---- its outputs
for f in yeast.reprof yeast.bed yeast.freq yeast.masked yeast.lib.fa yeast.lib.bed yeast.report.html yeast.summary.json _SUCCESS; do
  [ -f "$TMP/out/yeast/$f" ] || { echo "fresh-clone: $f is missing from the output" >&2; ls -la "$TMP/out/yeast" >&2; exit 1; }
done
leftover=$(ls -A "$TMP/out/yeast" | grep -v -x -E 'yeast\.(reprof|bed|freq|masked|lib\.fa|lib\.bed|report\.html|summary\.json)|_SUCCESS' || true)
[ -z "$leftover" ] || { echo "fresh-clone: unexpected files in the output: $leftover" >&2; exit 1; }
if ! gzip -dc "$ROOT/local-core/src/test/resources/reprise/reprise_sacCer_chrI_chrII.reprof.gz" | cmp -s - "$TMP/out/yeast/yeast.reprof"; then
  echo "fresh-clone: yeast.reprof differs from REPrise 1.0.1's library" >&2; exit 1
fi
echo "fresh-clone: ok: $(grep -c '^>' "$TMP/out/yeast/yeast.reprof") families, $(wc -l < "$TMP/out/yeast/yeast.bed") elements, library equal to REPrise's" >&2
