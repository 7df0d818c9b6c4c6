#!/usr/bin/env bash
# Checks that tools/swift-6.0/Package.swift, the part of poled that builds with Swift 6.0 (README,
# "arm64"), still is the main manifest's part: for each of its targets, the main manifest has a
# target of that name with the same type, dependencies, settings, paths and exclusions; every
# dependency lies inside the set; the set's package depends on no other package; and every test
# target of the main manifest whose dependencies all lie in the set is in it, but for the host-only
# ones named below. Both manifests are read with `swift package dump-package`.
#
#   tools/check-swift-6.0-set.sh [SWIFT [MANIFEST]]
#       SWIFT      the swift that reads the manifests (default `swift`; 6.1 or later, for Package.swift)
#       MANIFEST   the set's manifest (default tools/swift-6.0/Package.swift; Tests/cli/swift-6.0-set.sh
#                  passes broken copies)
#
# Exit 0 when they agree, 1 with every difference named, 2 on a manifest that cannot be read.
set -euo pipefail
cd "$(dirname "$0")/.."
swift=${1:-swift}
manifest=${2:-tools/swift-6.0/Package.swift}
# Test targets that use test API newer than Swift 6.0 (exit tests) and so run on the build machine only.
host_only='["PoleDriversExitTests"]'

command -v jq >/dev/null || { echo "check-swift-6.0-set: needs jq (apt install jq)" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The 6.0 manifest read where it is built: in a folder whose Sources and Tests are the repository's.
bash tools/swift-6.0/package.sh "$scratch/package" "$manifest"
"$swift" package dump-package >"$scratch/main.json" 2>"$scratch/error" ||
    { cat "$scratch/error" >&2; echo "check-swift-6.0-set: Package.swift cannot be read" >&2; exit 2; }
"$swift" package --package-path "$scratch/package" dump-package >"$scratch/set.json" 2>"$scratch/error" ||
    { cat "$scratch/error" >&2; echo "check-swift-6.0-set: $manifest cannot be read" >&2; exit 2; }

problems=$(jq -r --slurpfile set "$scratch/set.json" --argjson hostOnly "$host_only" '
    def names: [.dependencies[] | (.byName // .target // .product)[0]];
    def products: [.dependencies[] | select(.product) | .product[0]];
    . as $main
    | ($set[0].targets | map(.name)) as $inSet
    | ($main.targets | map({key: .name, value: .}) | from_entries) as $byName
    | [
        ($set[0].dependencies | length | select(. > 0)
            | "the Swift 6.0 set depends on \(.) package(s); it must build from this repository alone"),
        ($set[0].targets[]
            | . as $target
            | if $byName[$target.name] == null then
                "\($target.name): in the Swift 6.0 set but not in Package.swift"
              elif $byName[$target.name] != $target then
                "\($target.name): differs from Package.swift (type, dependencies, settings or paths)"
              else empty end),
        ($set[0].targets[] | .name as $name | names[] | select(. as $d | $inSet | index($d) | not)
            | "\($name): depends on \(.), which is not in the Swift 6.0 set"),
        ($main.targets[]
            | select(.type == "test")
            | select(.name as $n | ($inSet | index($n) | not) and ($hostOnly | index($n) | not))
            | select((products | length) == 0 and (names | all(. as $d | $inSet | index($d))))
            | "\(.name): every dependency is in the Swift 6.0 set, so it belongs there too (or in host_only, with why)")
      ]
    | .[]' "$scratch/main.json")

if [ -n "$problems" ]; then
    echo "$problems" | sed 's/^/check-swift-6.0-set: /' >&2
    exit 1
fi
echo "Swift 6.0 set: $(jq '.targets | length' "$scratch/set.json") targets ($(jq '[.targets[] | select(.type == "test")] | length' "$scratch/set.json") of tests) agree with Package.swift"
