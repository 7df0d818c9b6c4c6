#!/usr/bin/env bash
# CI's arm64 stage, run inside the Debian 13 root (.ci/debian13-root.sh bash .ci/arm64.sh): the part
# of poled that builds with Swift 6.0 (tools/swift-6.0/Package.swift) cross-built for
# aarch64-unknown-linux-gnu with Debian 13's own Swift against Debian 13's arm64 libgpiod 2 and C
# library, and its tests run on an emulated arm64 CPU with qemu-aarch64-static (README, "arm64").
#
# 1. Debian's packages: swiftlang (amd64: the compiler), qemu-user-static, jq, and the arm64 -dev
#    packages from the arm64 architecture added to dpkg (multiarch: headers and libraries under
#    /usr/lib/aarch64-linux-gnu, the loader /lib/ld-linux-aarch64.so.1).
# 2. The arm64 Swift runtime: libswiftlang:arm64 and swiftlang:arm64 of the same version have no
#    Multi-Arch field, so their resource folders (lib/swift, lib/swift_static, lib/clang) are unpacked
#    with dpkg-deb into a folder of their own, /opt/swift-arm64, kept while the version holds.
# 3. tools/check-swift-6.0-set.sh: the set is still the main manifest's; Tests/cli/swift-6.0-set.sh:
#    the check catches each way the set can drift.
# 4. The set and its tests built in a folder whose Sources and Tests link to the repository's
#    (tools/swift-6.0/package.sh), with Debian's swift, lld and the arm64 resource folder; any
#    warning fails the stage.
# 5. The test binary run under qemu-aarch64-static, its count printed.
# 6. Tests/HIL/arm64/run.sh: PoleLinux against Debian 13's arm64 kernel under qemu-system-aarch64
#    (gpio-sim lines through libgpiod 2; i2c-stub and a bit-banged i2c-gpio bus through i2c-dev).
#
# Environment: ARM64_RUNTIME (default /opt/swift-arm64).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/stage.sh
runtime=${ARM64_RUNTIME:-/opt/swift-arm64}
debian_swift=/usr/libexec/swift/bin/swift
work=$PWD/.build-arm64
arm64_dev=(libc6-dev:arm64 libstdc++-14-dev:arm64 libgcc-14-dev:arm64 libgpiod-dev:arm64)

codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
[ "$codename" = trixie ] || { echo "arm64: runs in the Debian 13 root (.ci/debian13-root.sh), not on '$codename'" >&2; exit 69; }

packages() {
    dpkg --add-architecture arm64 &&
        apt-get update -qq &&
        apt-get install -y -qq --no-install-recommends swiftlang qemu-user-static jq "${arm64_dev[@]}" >/dev/null &&
        echo "Debian's Swift: $("$debian_swift" --version 2>/dev/null | head -n 1)"
}

runtime() {
    local version stamp lib=./usr/libexec/swift/lib folder
    version=$(dpkg-query -W -f '${Version}' swiftlang)
    stamp=$runtime/.poled-swiftlang-arm64
    if [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]; then
        echo "arm64 runtime: $runtime, swiftlang $version (kept)"
        return 0
    fi
    rm -rf "$runtime" "$runtime.debs"
    mkdir -p "$runtime" "$runtime.debs"
    (cd "$runtime.debs" && apt-get download -qq -o APT::Sandbox::User=root "libswiftlang:arm64=$version" "swiftlang:arm64=$version")
    dpkg-deb --fsys-tarfile "$runtime.debs/libswiftlang_${version#*:}_arm64.deb" |
        tar -x -C "$runtime" --wildcards "$lib/swift/*"
    dpkg-deb --fsys-tarfile "$runtime.debs/swiftlang_${version#*:}_arm64.deb" |
        tar -x -C "$runtime" --wildcards "$lib/swift/*" "$lib/swift_static/*" "$lib/clang/*"
    rm -rf "$runtime.debs"
    for folder in swift/linux/libswiftCore.so swift/linux/libTesting.so swift/linux/Swift.swiftmodule swift_static/linux/libswiftCore.a clang; do
        [ -e "$runtime/usr/libexec/swift/lib/$folder" ] || { echo "arm64: the arm64 packages lack lib/$folder" >&2; return 1; }
    done
    echo "$version" >"$stamp"
    echo "arm64 runtime: $runtime, swiftlang $version ($(du -sh "$runtime" | cut -f1))"
}

build() {
    local package=$work/package log
    bash tools/swift-6.0/package.sh "$package"
    log=$(mktemp)
    if ! "$debian_swift" build --package-path "$package" --scratch-path "$work/build" --build-tests \
        --triple aarch64-unknown-linux-gnu -Xswiftc -resource-dir -Xswiftc "$runtime/usr/libexec/swift/lib/swift" \
        -Xswiftc -use-ld=lld >"$log" 2>&1; then
        grep -E 'error:' "$log" | sort -u | head -n 40 >&2 || tail -n 40 "$log" >&2
        echo "arm64: the Swift 6.0 set does not build for aarch64" >&2
        return 1
    fi
    if grep -q 'warning:' "$log"; then
        grep 'warning:' "$log" | sort -u >&2
        echo "arm64: the Swift 6.0 set builds with warnings" >&2
        return 1
    fi
    echo "test binary: $(readelf -h "$work/build/aarch64-unknown-linux-gnu/debug/poled-swift-6.0PackageTests.xctest" |
        sed -n 's/^ *Machine: *//p'), built by $("$debian_swift" --version 2>/dev/null | head -n 1)"
}

tests() {
    local log status=0 summary
    log=$(mktemp)
    LD_LIBRARY_PATH=$runtime/usr/libexec/swift/lib/swift/linux \
        qemu-aarch64-static "$work/build/aarch64-unknown-linux-gnu/debug/poled-swift-6.0PackageTests.xctest" \
        --testing-library swift-testing >"$log" 2>&1 || status=$?
    grep -E '✘' "$log" | grep -v 'known issue' | head -n 40 || true
    summary=$(grep -E 'Test run with [0-9]+ tests? ' "$log" | tail -n 1 | sed -E 's/\x1b\[[0-9;]*m//g; s/^[^T]*//') || true
    echo "arm64 (qemu-aarch64-static): ${summary:-no summary; the test binary exited $status}"
    [ "$status" -eq 0 ] && [ -n "$summary" ]
}

stage "arm64: packages" packages
stage "arm64: runtime" runtime
stage "arm64: Swift 6.0 set" bash tools/check-swift-6.0-set.sh
stage "arm64: the set check's own cases" bash Tests/cli/swift-6.0-set.sh
stage "arm64: cross-build" build
stage "arm64: tests under qemu" tests
stage "arm64: kernel" bash Tests/HIL/arm64/run.sh
