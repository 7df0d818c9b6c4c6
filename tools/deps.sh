#!/bin/sh
# Installs the Debian packages poled needs that this machine lacks (Debian 12 or 13, Raspberry Pi OS
# bookworm or trixie).
#
#   sh tools/deps.sh build     libgpiod, SQLite and libmosquitto headers, pkg-config, and the C++
#                              library the TOML parser's C++ core compiles against (libstdc++-12-dev
#                              on Debian 12, libstdc++-14-dev on Debian 13)
#   sh tools/deps.sh test      build, plus what the tests start: mosquitto, mosquitto-clients, openssl
#   sh tools/deps.sh package   build, plus dpkg-dev and binutils for .ci/package-deb.sh
#   sh tools/deps.sh ci        all of these, plus systemd (systemd-analyze, for .ci/check-systemd.sh)
#   sh tools/deps.sh NAME...   these packages (any argument that is not one of the words above)
#
# As root it runs apt-get itself, as another user through sudo; recommended packages are left out.
# When anything is missing it fetches the package lists first: a new machine or container may never
# have fetched them, and old lists name versions the mirror no longer has. Prints and changes
# nothing when all are installed.
set -eu

# The libstdc++ headers that go with the distribution's default gcc (the Swift toolchain's clang
# uses the newest gcc installation it finds).
libstdcxx() {
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    case $codename in
        bookworm) echo libstdc++-12-dev ;;
        trixie) echo libstdc++-14-dev ;;
        *)
            if command -v gcc >/dev/null 2>&1; then
                echo "libstdc++-$(gcc -dumpversion | cut -d. -f1)-dev"
            else
                echo "deps: unknown distribution '$codename' and no gcc: install libstdc++-N-dev for your gcc" >&2
                exit 69
            fi
            ;;
    esac
}

build="libgpiod-dev libsqlite3-dev libmosquitto-dev pkg-config $(libstdcxx)"
wanted=
for argument in "$@"; do
    case $argument in
        build) wanted="$wanted $build" ;;
        test) wanted="$wanted $build mosquitto mosquitto-clients openssl" ;;
        package) wanted="$wanted $build dpkg-dev binutils" ;;
        ci) wanted="$wanted $build mosquitto mosquitto-clients openssl dpkg-dev binutils systemd" ;;
        -h | --help) sed -n '2,16s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) wanted="$wanted $argument" ;;
    esac
done
[ -n "$wanted" ] || { echo "usage: sh tools/deps.sh build|test|package|ci|PACKAGE..." >&2; exit 64; }

missing=
for package in $wanted; do
    case " $missing " in *" $package "*) continue ;; esac
    # Installed means dpkg's "install ok installed", not merely known (a removed package keeps its conffiles).
    [ "$(dpkg-query -W -f '${Status}' "$package" 2>/dev/null)" = "install ok installed" ] || missing="$missing $package"
done
[ -n "$missing" ] || exit 0

if [ "$(id -u)" -eq 0 ]; then
    as_root=
elif command -v sudo >/dev/null 2>&1; then
    as_root=sudo
else
    echo "deps: missing:$missing; run this as root, or install sudo" >&2
    exit 77
fi
echo "deps: installing$missing" >&2
$as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086 # one word per package
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
