#!/usr/bin/env bash
# Checks .ci/stage.sh, which every CI stage runs through: a stage fails when any step of the function
# it runs fails, not only the last one, and says so; a passing stage prints its wall time.
# Usage: Tests/cli/stage.sh; prints one line per check and "N passed, N failed"; exits 1 on a failure.
set -u
cd "$(dirname "$0")/../.."
source Tests/cli/check.sh

# A CI script as .ci/job.sh is one: errexit on, a function with a failing first step and a passing
# last step, run through `stage`. Prints the script's output; exits with its status.
script() { # BODY
    bash -c "set -euo pipefail; source .ci/stage.sh; $1" 2>&1
}

failing_step='steps() { false; echo "went on after the failure"; }'

first_step_fails_the_stage() {
    local output status=0
    output=$(script "$failing_step; stage 'one' steps; echo 'the script went on'") || status=$?
    [ "$status" -ne 0 ] && ! grep -q 'went on' <<<"$output" && grep -q '^=== one: [0-9]* s (failed, exit 1)$' <<<"$output"
}

status_is_kept_where_the_caller_goes_on() {
    local output
    output=$(script "$failing_step; status=0; set +e; stage 'one' steps; status=\$?; set -e; echo \"status \$status\"")
    grep -qx 'status 1' <<<"$output" && ! grep -q 'went on after' <<<"$output"
}

passing_stage_prints_its_time() {
    local output
    output=$(script "stage 'two' true; echo done") &&
        grep -q '^=== two$' <<<"$output" && grep -q '^=== two: [0-9]* s$' <<<"$output" && grep -qx done <<<"$output"
}

errexit_is_as_the_caller_left_it() {
    local output
    output=$(script "set +e; stage 'three' true; false; echo 'errexit still off'") && grep -qx 'errexit still off' <<<"$output"
}

check "a stage whose first step fails fails, and the script stops" first_step_fails_the_stage
check "a caller that goes on gets the failed stage's status" status_is_kept_where_the_caller_goes_on
check "a passing stage prints its name and wall time" passing_stage_prints_its_time
check "stage leaves errexit as the caller had it" errexit_is_as_the_caller_left_it
report
