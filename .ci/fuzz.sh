#!/usr/bin/env bash
# The fuzz stage: builds the libFuzzer harnesses of Fuzz/ with the address sanitizer and runs each on
# its committed seed corpus for a bounded time, two at a time (2 cores). Any crash, leak, timeout or
# out-of-memory fails the stage; the input that did it is printed in hex and kept in .build-fuzz/.
# Usage: .ci/fuzz.sh [seconds per target] [target...]   (default 120 s each, every target: about 8 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
    targets=(FuzzBoardFile FuzzSiteFile FuzzScenario FuzzRecording FuzzControlRequest FuzzSPS30Frame FuzzPMSA003IFrame FuzzBH1750Frame)
fi

# gold, the linker swiftc picks on Linux, stops with an internal error on ASan objects: link with the
# toolchain's own lld instead (a toolset, since SwiftPM does not pass -use-ld through -Xswiftc).
out=.build-fuzz
mkdir -p "$out"
lld="$(dirname "$(readlink -f "$(command -v swiftc)")")/ld.lld"
[ -x "$lld" ] || { echo "no ld.lld beside swiftc ($lld)" >&2; exit 1; }
printf '{"schemaVersion": "1.0", "linker": {"path": "%s"}}\n' "$lld" >"$out/toolset.json"
start=$(date +%s)
swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address --toolset "$PWD/$out/toolset.json"
echo "fuzz build: $(( $(date +%s) - start )) s"

# libFuzzer, not Swift's backtracer, reports a crash, so the input is saved and named.
export SWIFT_BACKTRACE=enable=no
run() {
    local target=$1
    rm -rf "${out:?}/$target" && mkdir -p "$out/$target/corpus"
    "Fuzz/.build/release/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$out/$target/" "$out/$target/corpus" "Fuzz/corpus/$target" >"$out/$target/log" 2>&1
}

report() {
    local target=$1 status=$2
    local runs
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$target/log" | grep -o '[0-9]*$' || echo 0)
    if [ "$status" -eq 0 ]; then
        printf 'ok   %-20s %10s runs in %s s (%s/s), corpus %s inputs\n' "$target" "$runs" "$seconds" "$((runs / seconds))" \
            "$(find "$out/$target/corpus" -type f | wc -l)"
        return 0
    fi
    echo "FAIL $target (exit $status)"
    grep -v '^#' "$out/$target/log" | head -80 | sed 's/^/  | /'
    for input in "$out/$target"/crash-* "$out/$target"/leak-* "$out/$target"/timeout-* "$out/$target"/oom-*; do
        [ -f "$input" ] || continue
        echo "  input $input ($(wc -c <"$input") bytes):"
        od -A d -t x1 -v "$input" | head -40 | sed 's/^/  | /'
    done
    return 1
}

failed=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    first=${targets[i]}
    second=${targets[i + 1]:-}
    run "$first" & firstPID=$!
    if [ -n "$second" ]; then run "$second" & secondPID=$!; fi
    status=0; wait "$firstPID" || status=$?
    report "$first" "$status" || failed=1
    if [ -n "$second" ]; then
        status=0; wait "$secondPID" || status=$?
        report "$second" "$status" || failed=1
    fi
done
exit "$failed"
