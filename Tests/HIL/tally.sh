# Counts a harness's results from its guest's console log: `HIL PASS <case> …` and `HIL FAIL <case> …`
# lines, each expected case present, and `HIL DONE` at the end. Sourced by Tests/HIL/run.sh and
# Tests/systemd/run.sh.
#
#   hil_tally LOG LABEL CASE...     prints "N passed, N failed"; returns 1 on any failure
hil_tally() {
    local log=$1 label=$2 passed failed case
    shift 2
    passed=$(grep -ac '^HIL PASS' "$log" || true)
    failed=$(grep -ac '^HIL FAIL' "$log" || true)
    for case in "$@"; do
        grep -Eaq "^HIL (PASS|FAIL) $case[ :]" "$log" || { echo "$label: case $case did not run (see $log)" >&2; failed=$((failed + 1)); }
    done
    grep -aq '^HIL DONE' "$log" || { echo "$label: the guest did not finish (see $log)" >&2; failed=$((failed + 1)); }
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
