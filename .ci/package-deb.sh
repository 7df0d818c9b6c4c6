#!/usr/bin/env bash
# Build poled_<version>~deb<N>_<arch>.deb from release binaries with Debian's own tools (dpkg-deb,
# dpkg-shlibdeps), staging the files with systemd/install.sh.
#
#   .ci/package-deb.sh [BINDIR]     BINDIR holds poled and polectl (default .build/release), built with
#                                   swift build -c release --static-swift-stdlib
#
# A package is built for the distribution it was built on: its libraries (libgpiod2 on Debian 12,
# libgpiod3 on Debian 13) come from dpkg-shlibdeps, and its version carries the distribution
# (0.1.0~deb12, 0.1.0~deb13), so a trixie build sorts above the bookworm build of the same release
# and replaces it on an upgrade, and both sort below 0.1.0 and any later release.
#
# Environment: OUTDIR (where the .deb goes, default .build-deb), DEB_ARCH (default
# `dpkg --print-architecture`; set it when packaging cross-built binaries), DEB_DISTRIBUTION (default
# deb<VERSION_ID> from /etc/os-release, which Raspberry Pi OS shares with Debian), DEB_COMPRESSION
# (dpkg-deb's -Z: default xz, the smallest download; CI uses zstd, which both distributions' dpkg
# reads and which compresses the two large static binaries in seconds rather than minutes), STRIP (default
# strip), DEB_MAINTAINER. Prints the package's path; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

case "${1:-}" in
    -h | --help) sed -n '2,19s/^# \{0,1\}//p' "$0"; exit 0 ;;
esac
bindir=${1:-.build/release}
outdir=${OUTDIR:-$repo/.build-deb}
strip_tool=${STRIP:-strip}
maintainer=${DEB_MAINTAINER:-poled developers <maintainers@poled.invalid>}

for tool in dpkg-deb dpkg-shlibdeps readelf "$strip_tool"; do
    if ! command -v "$tool" >/dev/null; then
        echo "package-deb: $tool is missing (apt-get install dpkg-dev binutils)" >&2
        exit 69
    fi
done

upstream=$(sed -nE 's/.*static let string = "([^"]+)".*/\1/p' Sources/PoleProtocol/PoledVersion.swift)
if ! [[ $upstream =~ ^[0-9][A-Za-z0-9.+]*$ ]]; then
    echo "package-deb: no usable version in Sources/PoleProtocol/PoledVersion.swift (found '$upstream')" >&2
    exit 65
fi
distribution=${DEB_DISTRIBUTION:-deb$(. /etc/os-release && echo "${VERSION_ID:-}")}
if ! [[ $distribution =~ ^deb[0-9]+$ ]]; then
    echo "package-deb: cannot tell the Debian release from /etc/os-release; set DEB_DISTRIBUTION (deb12, deb13)" >&2
    exit 65
fi
version=$upstream~$distribution
arch=${DEB_ARCH:-$(dpkg --print-architecture)}

# The binaries must be for $arch and must not need the Swift runtime's shared libraries, which no
# Debian package provides.
case $arch in
    amd64) elf_machine='Advanced Micro Devices X86-64' ;;
    arm64) elf_machine='AArch64' ;;
    armhf) elf_machine='ARM' ;;
    *) elf_machine='' ;;
esac
for name in poled polectl; do
    binary=$bindir/$name
    if [ ! -x "$binary" ]; then
        echo "package-deb: $binary: no such executable; build with: swift build -c release --static-swift-stdlib" >&2
        exit 66
    fi
    machine=$(readelf -h "$binary" | sed -nE 's/^ *Machine: *(.*)$/\1/p')
    if [ -n "$elf_machine" ] && [ "$machine" != "$elf_machine" ]; then
        echo "package-deb: $binary is built for '$machine', not $arch" >&2
        exit 65
    fi
    if grep -q 'Shared library: \[libswift' <<<"$(readelf -d "$binary")"; then
        echo "package-deb: $binary links the Swift runtime dynamically; build with --static-swift-stdlib" >&2
        exit 65
    fi
done
if [ "$arch" = "$(dpkg --print-architecture)" ]; then
    built_version=$("$bindir/poled" --version)
    if [ "${built_version%% *}" != "$upstream" ]; then
        echo "package-deb: $bindir/poled is version $built_version, the sources say $upstream" >&2
        exit 65
    fi
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# dpkg-shlibdeps expects the Debian layout: debian/control, the package's tree in debian/poled.
root=$stage/debian/poled

DESTDIR=$root PREFIX=/usr REQUIRE_MANUALS=1 systemd/install.sh "$bindir"

# Debian ships stripped binaries. --strip-debug keeps the symbol table, so a crash's backtrace in
# the journal still names functions.
for name in poled polectl; do
    "$strip_tool" --strip-debug "$root/usr/bin/$name"
done

# Shared-library dependencies of the binaries as dpkg-shlibdeps computes them from the libraries
# they link (libc6, libstdc++6, libgcc-s1, libsqlite3-0, and libgpiod2 for the libgpiod 1.6 API or
# libgpiod3 for 2.x, whichever the build used), libmosquitto1 (loaded with dlopen when the uplink
# starts, so dpkg-shlibdeps cannot see it) and systemd (the unit, systemd-sysusers in postinst, udev).
mkdir -m 0755 "$root/DEBIAN"
printf 'Source: poled\n\nPackage: poled\nArchitecture: any\n' >"$stage/debian/control"
shlibs=$(cd "$stage" && dpkg-shlibdeps -O debian/poled/usr/bin/poled debian/poled/usr/bin/polectl)
shlibs=${shlibs#shlibs:Depends=}
gpiod_dependency='(^|, )libgpiod[23]( |,|$)'
if ! [[ $shlibs =~ $gpiod_dependency ]]; then
    echo "package-deb: dpkg-shlibdeps found no libgpiod in the binaries' libraries: $shlibs" >&2
    exit 65
fi
depends="libmosquitto1, systemd, $shlibs"
installed_size=$(du -sk --apparent-size "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<EOF
Package: poled
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_size
Depends: $depends
Section: misc
Priority: optional
Description: edge firmware for smart street poles
 poled runs on the single-board computer of a district street pole. It makes
 the crosswalk floor signal follow the existing pedestrian signal head and keeps
 it dark whenever the head cannot be believed, monitored like a signal cabinet's
 malfunction management unit; it drives security lamps, driver warning beacons,
 voice guidance and spotlights, and reads particulate-matter sensors over I2C.
 .
 polectl talks to the running daemon over its control socket.
 .
 The service is installed but not enabled: name the pole's board in
 /etc/poled/poled.toml, check it with "poled check-config", then run
 "systemctl enable --now poled".
EOF

echo /etc/poled/poled.toml >"$root/DEBIAN/conffiles"

cat >"$root/DEBIAN/postinst" <<'EOF'
#!/bin/sh
# poled postinst: the account and device groups, device permissions, systemd's view of the unit.
# Never starts or enables the service on install: a district does that deliberately.
set -e

if [ "$1" = configure ]; then
    # User poled, groups gpio and i2c (before udev, which ignores a GROUP= that does not exist).
    systemd-sysusers poled.conf

    # Device permissions for the new rule, now rather than at the next boot. Quiet where udev does
    # not run (chroots, containers, image builds).
    if [ -d /run/udev ] && command -v udevadm >/dev/null 2>&1; then
        udevadm control --reload || true
        udevadm trigger --action=change --subsystem-match=gpio --subsystem-match=i2c-dev || true
    fi
    # /dev/i2c-N now, rather than at the next boot (modules-load.d does it from then on).
    if command -v modprobe >/dev/null 2>&1; then
        modprobe -q i2c-dev || true
    fi

    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload || true
        # An upgrade restarts a running daemon so it runs the new binary; a stopped or never
        # enabled one stays as it is.
        if [ -n "$2" ]; then
            systemctl try-restart poled.service || true
        fi
    fi
fi

exit 0
EOF

cat >"$root/DEBIAN/prerm" <<'EOF'
#!/bin/sh
# poled prerm: stop the daemon before its files go. Stopping runs ExecStopPost=, which drives every
# output to its safe level, while /usr/bin/poled still exists. An upgrade leaves it running; the new
# postinst restarts it.
set -e

if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
    systemctl stop poled.service || true
fi

exit 0
EOF

cat >"$root/DEBIAN/postrm" <<'EOF'
#!/bin/sh
# poled postrm. remove keeps the site file (a conffile), the latched faults and the store in
# /var/lib/poled, and the poled user. purge never deletes the latched faults (only a person clearing
# them may, docs/safety.md, invariant 5): it moves /var/lib/poled to /var/backups/poled-<UTC time> and
# says so. The user and groups stay: files still carry their IDs, and Debian does not remove system
# accounts.
set -e

case "$1" in
    remove)
        if [ -d /run/systemd/system ]; then
            systemctl daemon-reload || true
        fi
        if [ -d /run/udev ] && command -v udevadm >/dev/null 2>&1; then
            udevadm control --reload || true
        fi
        ;;
    purge)
        # Latched faults and the store: moved aside, never silently discarded.
        if [ -d /var/lib/poled ]; then
            backup=/var/backups/poled-$(date -u +%Y%m%dT%H%M%SZ)
            mkdir -p /var/backups
            mv /var/lib/poled "$backup"
            echo "poled: purge kept the store and latched faults of /var/lib/poled in $backup" >&2
        fi
        # The link `systemctl enable` made; drop-ins under /etc/systemd/system/poled.service.d are
        # the administrator's and stay.
        rm -f /etc/systemd/system/multi-user.target.wants/poled.service
        if [ -d /run/systemd/system ]; then
            systemctl daemon-reload || true
        fi
        # dpkg has removed the conffile; leave the directory only if someone put more in it.
        rmdir /etc/poled 2>/dev/null || true
        ;;
esac

exit 0
EOF

chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm" "$root/DEBIAN/postrm"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles"

mkdir -p "$outdir"
deb=$outdir/poled_${version}_${arch}.deb
# --root-owner-group: every file root:root without fakeroot (dpkg 1.19+).
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$root" "$deb" >/dev/null
echo "$deb"
