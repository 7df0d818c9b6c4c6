#!/usr/bin/env bash
# A Debian 13 (trixie) root for CI's second job, made with debootstrap and cached between local runs.
#
#   .ci/debian13-root.sh                    make or refresh the root, then exit
#   .ci/debian13-root.sh COMMAND [ARG...]   run COMMAND as root inside it, in /src (a copy of this
#                                           work tree; build folders there are kept between runs)
#
# The root is `debootstrap --variant=minbase trixie` from the Debian mirror this machine's own apt
# sources name, plus what the Swift toolchain needs to run and build (libncurses6, libcurl4t64,
# libxml2, binutils, gcc, libc6-dev, zlib1g-dev, git): a fresh Debian 13 machine with Swift
# installed, and nothing of poled's. Its package lists are dropped afterwards, as on a machine whose
# lists were never fetched, so the README's commands install poled's build dependencies themselves.
# The Swift toolchain (/opt/swift) and the Swift package mirror (/opt/swift-packages) are
# bind-mounted read-only and /etc/gitconfig (the mirror's URL rewrites) is copied in.
#
# All mounts are made in a private mount namespace (unshare) and undone by a trap: nothing stays
# mounted after an exit, a failure or a kill, so removing the cache is always safe, and a second run
# finds the root as the first left it.
#
# Environment: DEBIAN13_ROOT (default .debian13/root), DEBIAN13_MIRROR (default: from the host's apt
# sources), DEBIAN13_KEEP (0 drops and rebuilds /src from the work tree; 1, the default, keeps its
# build folders). CI, HIL_CACHE and HIL_LATENCY_MS pass through to COMMAND. The TOML project's test
# suite (TOML_TEST_DIR, or ../shared/toml-test beside the checkout) is bind-mounted read-only at
# /toml-test and named by TOML_TEST_DIR inside, so the conformance cases run in this job too.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
root=${DEBIAN13_ROOT:-$repo/.debian13/root}
toolchain=/opt/swift
packages_mirror=/opt/swift-packages
# The toolchain's runtime needs, and what a package build needs from the system (swift.org's list for
# Debian, less what poled's own commands install).
base_packages=(libncurses6 libcurl4t64 libxml2 binutils gcc libc6-dev zlib1g-dev git)

if [ "$(id -u)" -ne 0 ]; then
    echo "debian13-root: must run as root (debootstrap, chroot, mounts)" >&2
    exit 77
fi
for path in "$toolchain/usr/bin/swift" "$packages_mirror" /etc/gitconfig; do
    [ -e "$path" ] || { echo "debian13-root: $path is missing on this machine" >&2; exit 69; }
done

# Everything below runs in a mount namespace of its own.
if [ -z "${POLED_DEBIAN13_NS:-}" ]; then
    exec unshare --mount --propagation private -- env POLED_DEBIAN13_NS=1 bash "$0" "$@"
fi

# The Debian mirror (and security archive) this machine's apt sources use.
source .ci/apt-sources.sh
host_codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
mirror=${DEBIAN13_MIRROR:-$(apt_uri_for_suite "${host_codename:-bookworm}" | head -n 1)}
security=$(apt_uri_for_suite "${host_codename:-bookworm}-security" | head -n 1)
if [ -z "$mirror" ]; then
    echo "debian13-root: no Debian mirror in this machine's apt sources; set DEBIAN13_MIRROR" >&2
    exit 69
fi

mounted=()
cleanup() {
    local index
    for ((index = ${#mounted[@]} - 1; index >= 0; index--)); do
        umount --lazy "${mounted[index]}" 2>/dev/null || true
    done
    mounted=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mount_at() { # TARGET MOUNT-ARGS...: mounts and remembers it for the trap
    local target=$1
    shift
    mkdir -p "$target"
    mount "$@" "$target"
    mounted+=("$target")
}
bind_ro() { # SOURCE TARGET
    mount_at "$2" --bind "$1"
    mount -o remount,bind,ro "$2"
}
enter() { # COMMAND...: inside the root, with a clean environment
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" CI="${CI:-}" \
        PATH=$toolchain/usr/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        DEBIAN_FRONTEND=noninteractive ${HIL_CACHE:+HIL_CACHE="$HIL_CACHE"} ${HIL_LATENCY_MS:+HIL_LATENCY_MS="$HIL_LATENCY_MS"} \
        ${toml_test:+TOML_TEST_DIR=/toml-test} \
        "$@"
}

# 1. debootstrap, once. A root is complete only when its stamp exists: an interrupted run starts over.
stamp=$root/.poled-debian13-root
if [ ! -f "$stamp" ]; then
    started=$(date +%s)
    command -v debootstrap >/dev/null || {
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    }
    partial=$root.partial
    rm -rf "$root" "$partial"
    mkdir -p "$(dirname "$root")"
    echo "debian13-root: debootstrap --variant=minbase trixie from $mirror"
    debootstrap --variant=minbase trixie "$partial" "$mirror" >"$(dirname "$root")/debootstrap.log" 2>&1 ||
        { tail -n 20 "$(dirname "$root")/debootstrap.log" >&2; echo "debian13-root: debootstrap failed" >&2; exit 1; }
    {
        echo "deb $mirror trixie main"
        echo "deb $mirror trixie-updates main"
        [ -z "$security" ] || echo "deb $security trixie-security main"
    } >"$partial/etc/apt/sources.list"
    cp /etc/resolv.conf "$partial/etc/resolv.conf"
    # A chroot starts no services: packages that ship one (mosquitto) must not start it here.
    printf '#!/bin/sh\nexit 101\n' >"$partial/usr/sbin/policy-rc.d"
    chmod 0755 "$partial/usr/sbin/policy-rc.d"
    root=$partial
    # Nor does it boot a kernel: the HIL harness's linux-headers pull in linux-image, whose initramfs
    # would take a minute to make and never be used.
    chroot "$root" dpkg-divert --quiet --local --rename --add /usr/sbin/update-initramfs
    ln -s /bin/true "$root/usr/sbin/update-initramfs"
    mount_at "$root/proc" -t proc proc
    mount_at "$root/dev" --rbind /dev
    mount --make-rslave "$root/dev"
    enter apt-get update -qq
    enter apt-get install -y -qq --no-install-recommends "${base_packages[@]}" >/dev/null
    enter apt-get clean
    # As on a machine whose package lists were never fetched.
    rm -rf "$root"/var/lib/apt/lists/*
    cleanup
    root=${partial%.partial}
    mv "$partial" "$root"
    date -u +%FT%TZ >"$stamp"
    echo "debian13-root: made $root in $(($(date +%s) - started)) s"
fi

[ $# -gt 0 ] || exit 0

# 2. The mounts for a session inside. /dev is the host's (qemu, ptys); proc and sys are new.
cp /etc/gitconfig "$root/etc/gitconfig"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount_at "$root/proc" -t proc proc
mount_at "$root/sys" -t sysfs -o ro sysfs
mount_at "$root/dev" --rbind /dev
mount --make-rslave "$root/dev"
mount_at "$root/tmp" -t tmpfs -o mode=1777 tmpfs
bind_ro "$toolchain" "$root$toolchain"
bind_ro "$packages_mirror" "$root$packages_mirror"
toml_test=${TOML_TEST_DIR:-$repo/../shared/toml-test}
if [ -f "$toml_test/tests/files-toml-1.0.0" ]; then
    bind_ro "$toml_test" "$root/toml-test"
else
    toml_test=
fi

# 3. The work tree as /src: tracked and untracked-but-not-ignored files, with their times, so an
# incremental build sees only what changed. Ignored folders there (.build, .build-hil) are kept.
src=$root/src
if [ "${DEBIAN13_KEEP:-1}" = 0 ]; then rm -rf "$src"; fi
mkdir -p "$src"
find "$src" -mindepth 1 -maxdepth 1 ! -name '.build*' ! -name Package.resolved -exec rm -rf {} +
git -C "$repo" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done |
    tar -C "$repo" --null -T - -cf - | tar -C "$src" -xf -

status=0
enter bash -c 'cd /src && exec "$@"' bash "$@" || status=$?
exit "$status"
