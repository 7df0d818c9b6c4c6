#!/usr/bin/env bash
# Makes FOLDER the buildable Swift 6.0 package of tools/swift-6.0/Package.swift: the manifest, and
# Sources and Tests as links to this repository's (SwiftPM takes no target outside a package's root).
#
#   tools/swift-6.0/package.sh FOLDER [MANIFEST]    MANIFEST: another manifest in its place (tests)
set -euo pipefail
folder=${1:?usage: tools/swift-6.0/package.sh FOLDER [MANIFEST]}
repository=$(cd "$(dirname "$0")/../.." && pwd)
manifest=${2:-$repository/tools/swift-6.0/Package.swift}
mkdir -p "$folder"
cp "$manifest" "$folder/Package.swift"
ln -sfn "$repository/Sources" "$folder/Sources"
ln -sfn "$repository/Tests" "$folder/Tests"
