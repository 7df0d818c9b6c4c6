#!/usr/bin/env bash
# Install poled's binaries, board files, example site file and systemd integration into
# ${DESTDIR:-}${PREFIX:-/usr}. Safe to run again: files are replaced, an existing site file is kept.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: systemd/install.sh [BINDIR | POLED POLECTL]

Install poled into ${DESTDIR:-}${PREFIX:-/usr} (and ${DESTDIR}/etc/poled):

  PREFIX/bin/poled, PREFIX/bin/polectl        the release binaries: from BINDIR (default
                                              .build/release), or the two files given
  PREFIX/share/poled/boards/*.toml            the board files from boards/
  /etc/poled/poled.toml                       boards/poled.example.toml, only if absent, with its
                                              relative `board = "…"` made absolute under
                                              PREFIX/share/poled/boards/
  PREFIX/lib/systemd/system/poled.service     the unit
  PREFIX/lib/sysusers.d/poled.conf            the poled user and the gpio and i2c groups
  PREFIX/lib/udev/rules.d/60-poled-gpio.rules gpiochip and i2c-dev devices for those groups
  PREFIX/lib/modules-load.d/poled.conf        load i2c-dev at boot

Build the binaries first: swift build -c release --static-swift-stdlib

This only copies files. On a live system (DESTDIR empty) finish with:
  systemd-sysusers poled.conf && udevadm control --reload && udevadm trigger \
      --subsystem-match=gpio --subsystem-match=i2c-dev && modprobe i2c-dev && systemctl daemon-reload
and, once /etc/poled/poled.toml names the pole's board: systemctl enable --now poled

Environment: DESTDIR (staging root, default empty), PREFIX (default /usr).
EOF
}

case "${1:-}" in
    -h | --help) usage; exit 0 ;;
    -*) echo "install.sh: unknown option: $1" >&2; usage >&2; exit 64 ;;
esac

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
destdir=${DESTDIR:-}
prefix=${PREFIX:-/usr}

case $# in
    0 | 1)
        bindir=${1:-$repo/.build/release}
        poled_binary=$bindir/poled
        polectl_binary=$bindir/polectl
        ;;
    2)
        poled_binary=$1
        polectl_binary=$2
        ;;
    *) echo "install.sh: expected BINDIR or POLED POLECTL, got $# arguments" >&2; exit 64 ;;
esac
for binary in "$poled_binary" "$polectl_binary"; do
    if [ ! -f "$binary" ] || [ ! -x "$binary" ]; then
        echo "install.sh: $binary: no such executable; build with: swift build -c release --static-swift-stdlib" >&2
        exit 66
    fi
done

# install MODE SOURCE TARGET: copy one file, creating its directory, and say so.
install_file() {
    local mode=$1 source=$2 target=$destdir$3
    install -D -m "$mode" "$source" "$target"
    echo "installed $target"
}

install_file 0755 "$poled_binary" "$prefix/bin/poled"
install_file 0755 "$polectl_binary" "$prefix/bin/polectl"

boards_dir=$prefix/share/poled/boards
shopt -s nullglob
board_files=("$repo"/boards/*.toml)
shopt -u nullglob
for board_file in "${board_files[@]}"; do
    # The example site file is not a board file; it goes to /etc/poled below (and is kept here too,
    # as the pristine reference a technician can diff an edited site file against).
    install_file 0644 "$board_file" "$boards_dir/$(basename "$board_file")"
done

site_file=$destdir/etc/poled/poled.toml
if [ -e "$site_file" ]; then
    echo "kept      $site_file (already present)"
else
    # The example's `board = "sim.toml"` is relative to the site file's directory; in /etc/poled it
    # must name the installed board file instead.
    example=$repo/boards/poled.example.toml
    pattern='^board = "([^"/]+)"'
    if ! grep -Eq "$pattern" "$example"; then
        echo "install.sh: $example: no relative \`board = \"NAME.toml\"\` line to point at $boards_dir" >&2
        exit 65
    fi
    install -d -m 0755 "$destdir/etc/poled"
    temporary=$(mktemp "$destdir/etc/poled/.poled.toml.XXXXXX")
    sed -E "s|$pattern|board = \"$boards_dir/\\1\"|" "$example" >"$temporary"
    chmod 0644 "$temporary"
    mv "$temporary" "$site_file"
    echo "installed $site_file (from boards/poled.example.toml, $(grep -E '^board = ' "$site_file"))"
fi

# The unit names /usr/bin/poled; another PREFIX gets a copy naming its own binary.
unit_source=$repo/systemd/poled.service
if [ "$prefix" != /usr ]; then
    unit_source=$(mktemp)
    trap 'rm -f "$unit_source"' EXIT
    sed "s|/usr/bin/poled|$prefix/bin/poled|g" "$repo/systemd/poled.service" >"$unit_source"
fi
install_file 0644 "$unit_source" "$prefix/lib/systemd/system/poled.service"
install_file 0644 "$repo/systemd/poled.sysusers" "$prefix/lib/sysusers.d/poled.conf"
install_file 0644 "$repo/systemd/60-poled-gpio.rules" "$prefix/lib/udev/rules.d/60-poled-gpio.rules"
install_file 0644 "$repo/systemd/poled.modules-load" "$prefix/lib/modules-load.d/poled.conf"
