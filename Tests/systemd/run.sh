#!/usr/bin/env bash
# poled's systemd unit under real systemd: a Debian 13 VM (Debian's kernel, systemd and udev, booted
# under qemu) installs the trixie .deb with `apt install`, enables poled on a gpio-sim board and runs
# the cases of Tests/systemd/guest/cases.sh. See README.md, "The unit under systemd".
#
#   Tests/systemd/run.sh [POLED_DEB]    default: the newest .build-deb/poled_*~deb13_*.deb
#
# The machine (Tests/systemd/image.sh: a debootstrap root with the .deb's dependencies preinstalled,
# since the VM has no network, gpio-sim built out of tree, an initramfs that mounts /dev/vda) is
# cached in ${SYSTEMD_VM_CACHE:-.build-vm}. Each run copies the .deb, the guest's scripts and units,
# hilwire (Tests/HIL/hilwire.c, built static here), the site file Tests/systemd/poled.toml and the
# board file into the root, makes an ext4 image of it with `mkfs.ext4 -d` (no loop mount), boots it
# with KVM when /dev/kvm is usable and TCG otherwise, and reads the `HIL PASS`/`HIL FAIL` lines from
# the serial console (the whole console in CACHE/console.log). Prints "N passed, N failed"; exits 1
# on any failure. Runs as root on Debian 12 or 13.
# Environment: SYSTEMD_VM_ACCEL (kvm or tcg), SYSTEMD_VM_BOARD (the board file the guest's site file
# names, default boards/hil.toml), HIL_LATENCY_MS (the floor's follow limit, default 200: this harness
# checks that the floor follows under systemd, Tests/HIL/run.sh times it at 100 ms; here the worst
# seen under TCG on a busy 2-core machine was 89 ms),
# SYSTEMD_VM_TIMEOUT (seconds for the whole boot, default 900), SYSTEMD_VM_MIRROR (see image.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
cache=${SYSTEMD_VM_CACHE:-$repo/.build-vm}
started=$(date +%s)

deb=${1:-$(ls -t .build-deb/poled_*~deb13_*.deb 2>/dev/null | head -n 1 || true)}
[ -f "$deb" ] || { echo "systemd-vm: no trixie package (.build-deb/poled_*~deb13_*.deb); build it in the Debian 13 job" >&2; exit 66; }
board=${SYSTEMD_VM_BOARD:-boards/hil.toml}
sh tools/deps.sh qemu-system-x86 debootstrap e2fsprogs busybox-static cpio xz-utils gcc libc6-dev

mkdir -p "$cache"
image=$(bash Tests/systemd/image.sh "$cache")
root=$image/root
abi=$(cat "$image/abi")

# This run's files in the root: the guest's scripts and units, the package, the site and board files.
guest=$root/usr/local/lib/poled-vm
rm -rf "$guest"
mkdir -p "$guest"
gcc -static -O2 -Wall -o "$guest/hilwire" Tests/HIL/hilwire.c
install -m 0755 Tests/systemd/guest/cases.sh Tests/systemd/guest/gpio-sim.sh "$guest/"
install -m 0644 "$deb" Tests/systemd/poled.toml "$guest/"
install -m 0644 "$board" "$guest/hil.toml"
for unit in hil-gpio-sim.service hil-cases.service; do
    install -m 0644 "Tests/systemd/guest/$unit" "$root/etc/systemd/system/$unit"
    ln -sf "/etc/systemd/system/$unit" "$root/etc/systemd/system/multi-user.target.wants/$unit"
done

disk=$cache/disk.ext4
rm -f "$disk"
size_mb=$(($(du -sm "$root" | cut -f1) + 512))
mkfs.ext4 -q -F -L poled-vm -d "$root" "$disk" "${size_mb}M"

# KVM when it can run Debian's kernel: /dev/kvm may exist where it cannot (nested virtualisation
# that fails to emulate an instruction of the kernel's decompressor, seen on the CI machine), so a
# probe boots the kernel alone and looks for its banner; TCG otherwise.
accel=${SYSTEMD_VM_ACCEL:-}
if [ -z "$accel" ]; then
    accel=tcg
    if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
        (timeout 30 qemu-system-x86_64 -accel kvm -cpu host -m 256 -nographic -no-reboot -kernel "$image/vmlinuz" \
            -append "console=ttyS0 panic=-1" </dev/null || true) >"$cache/kvm-probe.log" 2>&1
        if grep -aq 'Linux version' "$cache/kvm-probe.log"; then
            accel=kvm
        else
            echo "systemd-vm: /dev/kvm cannot boot Debian's kernel here; using TCG"
        fi
    fi
fi
cpu=qemu64
[ "$accel" != kvm ] || cpu=host
log=$cache/console.log
echo "systemd-vm: booting Debian 13 (kernel $abi) with $accel, $(basename "$deb"), board $board"
booted=$(date +%s)
status=0
timeout "${SYSTEMD_VM_TIMEOUT:-900}" qemu-system-x86_64 -accel "$accel" -cpu "$cpu" -m 1024 -smp 2 -nographic -no-reboot \
    -kernel "$image/vmlinuz" -initrd "$image/initrd.cpio.gz" \
    -drive "file=$disk,format=raw,if=virtio,cache=unsafe" \
    -append "console=ttyS0 root=/dev/vda quiet panic=-1 HIL_LATENCY_MS=${HIL_LATENCY_MS:-200}" </dev/null |
    sed -u 's/\r$//' | tee "$log" | while IFS= read -r line; do
        case $line in
            "HIL BOOTED"*) echo "$line (host: $(($(date +%s) - booted)) s after qemu started)" ;;
            HIL\ *) echo "$line" ;;
        esac
    done || status=$?
rm -f "$disk"
[ "$status" -eq 0 ] || echo "systemd-vm: qemu exited $status (124: the ${SYSTEMD_VM_TIMEOUT:-900} s timeout)" >&2

echo "systemd-vm: $(($(date +%s) - started)) s in all, $(($(date +%s) - booted)) s in the VM ($accel, kernel $abi)"
source Tests/HIL/tally.sh
hil_tally "$log" systemd-vm 1 2 3 4 5 6 7
