#!/usr/bin/env bash
# One CI job on the Debian machine it runs on: Debian 12 (the CI machine itself, libgpiod 1.6) or
# Debian 13 (the root .ci/debian13-root.sh makes, libgpiod 2). The same steps on both, with what
# each distribution must give checked per job:
#   the README's two commands, verbatim (the test command, then the daemon, stopped with SIGINT);
#   the CLI smoke checks; on Debian 12 the systemd checks and the modules' imports; the static release build and its
#   manual pages; the .deb (its contents and dpkg-shlibdeps' Depends); the hardware-in-the-loop
#   harness booted with the distribution's own kernel.
#
#   .ci/job.sh NAME     NAME labels the stages (debian12, debian13)
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/stage.sh
job=${1:?usage: .ci/job.sh NAME}
polectl_limit=15000000

codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
case $codename in
    bookworm) api=1 gpiod_soname=libgpiod.so.2 gpiod_package=libgpiod2 libstdcxx=libstdc++-12-dev ;;
    trixie) api=2 gpiod_soname=libgpiod.so.3 gpiod_package=libgpiod3 libstdcxx=libstdc++-14-dev ;;
    *) echo "job: no CI expectations for Debian '$codename'" >&2; exit 69 ;;
esac

# The README's first code block: line 1 runs the daemon, line 2 the tests (comments stripped).
readme_command() {
    awk '/^```sh$/ { block++; next } /^```$/ && block == 1 { exit } block == 1' README.md | sed -n "$1p" |
        sed -E 's/[[:space:]]+#.*$//'
}

readme_test() {
    local command
    command=$(readme_command 2)
    echo "$ $command"
    bash -c "$command"
    dpkg -s "$libstdcxx" >/dev/null
}

# The daemon as the README starts it, stopped with SIGINT once its control socket is up: exit 0.
readme_run() {
    local command log pid status=0
    command=$(readme_command 1)
    echo "$ $command"
    log=$(mktemp)
    setsid bash -c "$command" >"$log" 2>&1 </dev/null &
    pid=$!
    for _ in $(seq 1 600); do
        grep -q 'control socket ready' "$log" && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    sleep 2
    kill -INT -- "-$pid" 2>/dev/null || true
    wait "$pid" || status=$?
    if [ "$status" -ne 0 ] || ! grep -q 'control socket ready' "$log"; then
        tail -n 20 "$log" >&2
        echo "job: the README's first command did not run the daemon and stop with exit 0 (exit $status)" >&2
        return 1
    fi
    echo "the daemon ran and stopped on SIGINT with exit 0"
}

smoke() {
    local version
    # Not `ldd | grep -q`: under pipefail, grep leaving early can fail the pipeline with SIGPIPE.
    grep -q "$gpiod_soname" <<<"$(ldd .build/debug/poled)" || { echo "job: poled does not link $gpiod_soname" >&2; return 1; }
    version=$(.build/debug/poled --version)
    grep -q "libgpiod v$api API" <<<"$version" || { echo "job: poled --version says '$version', not the v$api API" >&2; return 1; }
    echo "poled --version: $version"
    bash Tests/cli/smoke.sh .build/debug/poled
}

release() {
    sh tools/deps.sh package
    # Manual pages from the debug build: the plugin's default (release, without
    # --static-swift-stdlib) would replace the static release binaries built next.
    swift package --allow-writing-to-package-directory generate-manual --configuration debug --authors "poled developers"
    swift build -c release --static-swift-stdlib --product poled
    swift build -c release --static-swift-stdlib --product polectl
}

# Every pole downloads poled on each update: its stripped static size is held under 20 MB, and it
# carries no ICU (Foundation's internationalisation, 34 MB of data). ICU's data is a package named
# icudt<version>l and is linked only with FoundationInternationalization, whose name its type
# metadata keeps even in a stripped binary; neither string may appear. polectl talks to poled and
# never to hardware, the store or the network: it links none of the daemon's C libraries.
sizes() {
    local stripped size polectl_bytes polectl_libraries library
    stripped=$(mktemp)
    strip -o "$stripped" .build/release/poled
    size=$(stat -c %s "$stripped")
    echo "poled stripped static size: $size bytes"
    if [ "$size" -gt 20000000 ]; then echo "job: poled is larger than 20 MB stripped" >&2; return 1; fi
    if LC_ALL=C grep -q -e 'icudt[0-9]' -e 'FoundationInternationalization' "$stripped"; then
        echo "job: poled carries ICU (icudt data or FoundationInternationalization)" >&2
        return 1
    fi
    strip -o "$stripped" .build/release/polectl
    polectl_bytes=$(stat -c %s "$stripped")
    rm -f "$stripped"
    echo "polectl stripped static size: $polectl_bytes bytes (limit $polectl_limit)"
    [ "$polectl_bytes" -le "$polectl_limit" ] || { echo "job: polectl is over $polectl_limit bytes stripped" >&2; return 1; }
    polectl_libraries=$(ldd .build/release/polectl)
    echo "polectl links: $(awk '{print $1}' <<<"$polectl_libraries" | tr '\n' ' ')"
    for library in libgpiod libsqlite3 libmosquitto libssl libcrypto; do
        if grep -q "$library" <<<"$polectl_libraries"; then echo "job: polectl links $library" >&2; return 1; fi
    done
}

package() {
    local deb listing depends path library
    deb=$(DEB_COMPRESSION=zstd bash .ci/package-deb.sh .build/release | tail -n 1)
    listing=$(dpkg -c "$deb")
    for path in ./usr/bin/poled ./usr/bin/polectl ./usr/lib/systemd/system/poled.service ./usr/share/poled/boards/pi4-crosswalk.toml \
        ./usr/share/poled/boards/pi5-lamp.toml ./usr/share/poled/boards/sim.toml ./usr/share/man/man1/polectl.1.gz \
        ./usr/share/man/man1/poled.1.gz ./usr/share/bash-completion/completions/polectl; do
        grep -q " $path\$" <<<"$listing" || { echo "job: $deb lacks $path" >&2; return 1; }
    done
    dpkg -I "$deb" | sed -n '/^ Package:/,/^ Description:/p'
    depends=$(dpkg-deb --field "$deb" Depends)
    for library in "$gpiod_package" libsqlite3-0 libmosquitto1 systemd; do
        grep -Eq "(^|, )$library( |,|$)" <<<"$depends" || { echo "job: $deb does not depend on $library: $depends" >&2; return 1; }
    done
    echo "package: $deb ($(du -h "$deb" | cut -f1))"
}

stage "$job: README test command" readme_test
stage "$job: README run command" readme_run
stage "$job: smoke checks" smoke
if [ "$codename" = bookworm ]; then
    stage "$job: systemd checks" bash .ci/check-systemd.sh
    # The modules' imports and Package.swift's dependencies against docs/architecture.md's table.
    stage "$job: module imports" bash tools/check-imports.sh
fi
stage "$job: static release build" release
stage "$job: binary sizes" sizes
stage "$job: package" package
# Hardware in the loop: the static binaries against the distribution's kernel's gpio-sim and i2c-stub under qemu.
stage "$job: HIL" bash Tests/HIL/run.sh .build/release/poled .build/release/polectl
