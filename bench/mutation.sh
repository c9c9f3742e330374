#!/usr/bin/env bash
# Mutation testing of the engine (a benchmark, not CI): PIT mutates org.reprise.{extend,mask,
# discover,index,seeds} and runs the fast unit tests of those packages against each mutant (the
# Lincheck, stress and thread-determinism tests are left out: see local-core/pom.xml, profile pit).
# Prints killed / total per package and the surviving mutants, from PIT's mutations.xml.
# Usage: bench/mutation.sh [REPORT_DIR]   (default local-core/target/pit-reports; about 30 minutes on 2 cores)
# Env: PIT_PACKAGES: fewer packages or classes to mutate, e.g. 'org.reprise.extend.*,org.reprise.mask.Bitmask'
#      (the tests of the same globs run, unless PIT_TESTS gives others)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
nice mvn -q -B -ntp -P pit -pl local-core ${PIT_PACKAGES:+-Dpit.packages=$PIT_PACKAGES} ${PIT_TESTS:+-Dpit.tests=$PIT_TESTS} test-compile \
  org.pitest:pitest-maven:mutationCoverage >&2
XML=${1:-local-core/target/pit-reports}/mutations.xml
python3 - "$XML" <<'PY'
import sys, collections, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
per = collections.defaultdict(collections.Counter)
survivors = []
for m in root.iter('mutation'):
    cls = m.findtext('mutatedClass'); pkg = cls.rsplit('.', 1)[0]
    status = m.get('status')
    per[pkg][status] += 1
    if status in ('SURVIVED', 'NO_COVERAGE'):
        survivors.append((pkg, cls.rsplit('.', 1)[1], m.findtext('lineNumber'), m.findtext('mutator').rsplit('.', 1)[-1],
                          m.findtext('description'), status))
print("%-22s %7s %7s %9s %11s %8s %7s" % ("package", "mutants", "killed", "survived", "no_coverage", "timeout", "score"))
for pkg in sorted(per):
    c = per[pkg]; total = sum(c.values()); killed = c['KILLED'] + c['TIMED_OUT'] + c['MEMORY_ERROR'] + c['RUN_ERROR']
    print("%-22s %7d %7d %9d %11d %8d %6.1f%%" % (pkg, total, killed, c['SURVIVED'], c['NO_COVERAGE'], c['TIMED_OUT'], 100.0 * killed / total))
print()
print("surviving mutants (package, class, line, mutator, description, status):")
for s in sorted(survivors, key=lambda s: (s[0], s[1], int(s[2]))):
    print("  %s\t%s:%s\t%s\t%s\t%s" % s)
PY
