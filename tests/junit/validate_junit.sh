#!/usr/bin/env bash
# Checks that `mcastlab test --junit` writes reports that validate against tests/junit/junit.xsd,
# the JUnit format CI systems read: the report of every shipped scenario (all pass), and the one
# of tests/junit/cases/ (a <failure> and an <error>). Also checks that the schema refuses a
# malformed report, so that a schema that accepts everything cannot pass.
#
# Usage: validate_junit.sh MCASTLAB SOURCE_DIR WORK_DIR
# Exit status: 0 all valid, 1 a check failed, 77 xmllint is missing (a skip; Debian libxml2-utils).
set -u
mcastlab=$1 source=$2 work=$3
schema=$source/tests/junit/junit.xsd

if ! command -v xmllint >/dev/null 2>&1; then
  echo "skipped: xmllint is missing (Debian: libxml2-utils; tools/setup.sh installs it)"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work" || exit 1
failed=0

# run_suite EXPECTED_EXIT REPORT PATH...
run_suite() {
  local expected=$1 report=$2
  shift 2
  "$mcastlab" test "$@" --out "$work/out" --junit "$report" >"$report.log" 2>&1
  local code=$?
  if [ "$code" -ne "$expected" ]; then
    echo "FAIL: mcastlab test $* exited $code, expected $expected"; cat "$report.log"; failed=1
  fi
}

# valid REPORT: xmllint must accept it against the schema.
valid() {
  if xmllint --noout --schema "$schema" "$1"; then echo "ok: $1 validates"; else echo "FAIL: $1"; failed=1; fi
}

run_suite 0 "$work/shipped.xml" "$source/topologies"
valid "$work/shipped.xml"
run_suite 2 "$work/cases.xml" "$source/tests/junit/cases"
valid "$work/cases.xml"
for element in '<failure ' '<error '; do
  grep -q "$element" "$work/cases.xml" || { echo "FAIL: no $element in $work/cases.xml"; failed=1; }
done

printf '<testsuites><testsuite name="x" tests="two"><testcase/></testsuite></testsuites>\n' >"$work/bad.xml"
if xmllint --noout --schema "$schema" "$work/bad.xml" 2>/dev/null; then
  echo "FAIL: the schema accepts $work/bad.xml (tests not a count, a testcase without a name)"; failed=1
else
  echo "ok: the schema refuses a malformed report"
fi
exit $failed
