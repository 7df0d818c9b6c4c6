#!/usr/bin/env bash
# Checks tools/check-swift-6.0-set.sh against broken copies of tools/swift-6.0/Package.swift: each
# way the Swift 6.0 set can drift from Package.swift is caught and named, and the real set passes.
# Usage: Tests/cli/swift-6.0-set.sh [SWIFT]; prints one line per check and "N passed, N failed";
# exits 1 on a failure. Needs jq and a swift that reads Package.swift (6.1 or later).
set -u
cd "$(dirname "$0")/../.."
swift=${1:-swift}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source Tests/cli/check.sh

# A copy of the set's manifest with EXPRESSION (sed) applied, checked: exit 1 and MESSAGE named.
caught() { # EXPRESSION MESSAGE
    local manifest=$work/Package.swift output status=0
    sed -E "$1" tools/swift-6.0/Package.swift >"$manifest"
    cmp -s "$manifest" tools/swift-6.0/Package.swift && { echo "     (the edit changed nothing)"; return 1; }
    output=$(bash tools/check-swift-6.0-set.sh "$swift" "$manifest" 2>&1) || status=$?
    [ "$status" -eq 1 ] && grep -qF "$2" <<<"$output" || { echo "     exit $status: $output"; return 1; }
}

agrees() {
    bash tools/check-swift-6.0-set.sh "$swift" >/dev/null
}

check "the set as committed agrees with Package.swift" agrees
check "a target's settings dropped" caught \
    's/\.target\(name: "PoleDrivers", dependencies: \["PoleHAL"\], swiftSettings: strict\)/.target(name: "PoleDrivers", dependencies: ["PoleHAL"])/' \
    "PoleDrivers: differs from Package.swift"
check "a dependency the main manifest lacks" caught \
    's/\.target\(name: "PoleJSON", swiftSettings: strict\)/.target(name: "PoleJSON", dependencies: ["PoleCore"], swiftSettings: strict)/' \
    "PoleJSON: differs from Package.swift"
check "a dependency outside the set" caught \
    's/"PoleSim", "PoleCore", "PoleHAL", "PoleDrivers", "PoleTesting"\]/"PoleSim", "PoleCore", "PoleHAL", "PoleDrivers", "PoleTesting", "PoleTOML"]/' \
    "PoleSimTests: depends on PoleTOML, which is not in the Swift 6.0 set"
check "a test target left out" caught '/testTarget\(name: "PoleJSONTests"/d' \
    "PoleJSONTests: every dependency is in the Swift 6.0 set"
check "a target the main manifest does not have" caught \
    's/^(        \.target\(name: "PoleHAL", swiftSettings: strict\),)$/\1\n        .target(name: "PoleExtra"),/' \
    "PoleExtra: in the Swift 6.0 set but not in Package.swift"
report
