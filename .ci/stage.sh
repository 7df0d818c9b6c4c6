# Sourced by .ci/run, .ci/job.sh and .ci/arm64.sh: `stage NAME COMMAND...` runs one stage of CI and
# prints its wall time as "=== NAME: N s", which .ci/run collects into the closing table.
#
# COMMAND runs in a subshell with errexit on, so a function fails at its first failing step, not only
# at its last. Bash ignores errexit in everything run where a failure is tested (`stage … || …`,
# `if stage …`), so callers never call stage there: they let errexit stop them, or turn it off and
# read `$?` (Tests/cli/stage.sh checks both). Errexit is left as the caller had it.
stage() {
    local name=$1 started status errexit=0
    shift
    echo "=== $name"
    started=$(date +%s)
    [[ $- != *e* ]] || errexit=1
    set +e
    (
        set -e
        "$@"
    )
    status=$?
    [ "$errexit" -eq 0 ] || set -e
    echo "=== $name: $(($(date +%s) - started)) s$([ "$status" -eq 0 ] || echo " (failed, exit $status)")"
    return "$status"
}
