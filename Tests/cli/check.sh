# Sourced by the shell tests in Tests/cli: `check NAME COMMAND...` runs one check and prints
# "ok   NAME" or "FAIL NAME"; `report` prints "N passed, N failed" and fails when any check failed.
passed=0
failed=0

check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
    fi
}

report() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
