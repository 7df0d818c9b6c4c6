# Sourced by .ci/run and .ci/job.sh: `stage NAME COMMAND...` runs one stage of CI and prints its wall
# time as "=== NAME: N s", which .ci/run collects into the closing table.
stage() {
    local name=$1 started status=0
    shift
    echo "=== $name"
    started=$(date +%s)
    "$@" || status=$?
    echo "=== $name: $(($(date +%s) - started)) s$([ "$status" -eq 0 ] || echo " (failed, exit $status)")"
    return "$status"
}
