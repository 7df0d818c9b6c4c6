#!/usr/bin/env bash
# Hardware in the loop: poled against a real Linux kernel's GPIO character device (gpio-sim) and
# i2c-dev (i2c-stub), Debian's own kernel booted under qemu. See README.md, "Hardware in the loop".
#
#   Tests/HIL/run.sh [POLED POLECTL]    static binaries (default: .build/release/{poled,polectl},
#                                       built with --static-swift-stdlib when missing)
#
# Runs on Debian 12 (libgpiod 1.6, kernel 6.1) or 13 (libgpiod 2, kernel 6.12), with that
# distribution's own kernel, gpiod tools and libraries. Installs what it needs from Debian
# (qemu-system-x86, busybox-static, gpiod, the kernel's headers), downloads the current kernel image
# and linux-source, builds gpio-sim (with irq_sim) out of tree, packs an initramfs with poled,
# polectl, boards/hil.toml and Tests/HIL/guest-init.sh, boots it, and reads the cases' results from
# the serial console. Downloads and the module are cached in ${HIL_CACHE:-.build-hil} between local
# runs. Prints "N passed, N failed"; exits 1 on any failure.
# Environment: HIL_LATENCY_MS (the floor's follow limit the guest checks, default 100).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
cache=${HIL_CACHE:-$repo/.build-hil}
started=$(date +%s)

sh tools/deps.sh qemu-system-x86 busybox-static cpio gpiod make gcc libc6-dev kmod xz-utils

# The kernel Debian ships now (its ABI moves with security updates).
current_kernel() {
    apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/.*Depends: linux-image-\(.*\)$/\1/p' | head -1
}
abi=$(current_kernel)
if [ -z "$abi" ]; then
    apt-get update -qq
    abi=$(current_kernel)
fi
[ -n "$abi" ] || { echo "hil: cannot find the current Debian kernel (apt-cache depends linux-image-amd64)" >&2; exit 69; }
work=$cache/$abi
mkdir -p "$work"
# A kernel or source package the lists name may have left the mirror since they were fetched.
download() { # PACKAGE: into the current folder
    apt-get download -qq -o APT::Sandbox::User=root "$1" 2>/dev/null ||
        { apt-get update -qq && apt-get download -qq -o APT::Sandbox::User=root "$1"; }
}
sh tools/deps.sh "linux-headers-$abi"
if [ ! -d "$work/kroot" ]; then
    (cd "$work" && download "linux-image-$abi" && dpkg -x linux-image-"$abi"_*.deb kroot.partial && mv kroot.partial kroot)
fi

# gpio-sim and irq_sim, from Debian's linux-source.
if [ ! -f "$work/gpio-sim.ko" ]; then
    module=$work/module
    rm -rf "$module" && mkdir -p "$module"
    (cd "$module" && download "linux-source-$(echo "$abi" | cut -d. -f1,2)")
    bash Tests/HIL/module-sources.sh "$module"/linux-source-*.deb "$module"
    make -s -C "/lib/modules/$abi/build" M="$module" modules
    strip --strip-debug "$module/gpio-sim.ko"
    mv "$module/gpio-sim.ko" "$work/gpio-sim.ko"
    rm -rf "$module"
fi

poled=${1:-$repo/.build/release/poled}
polectl=${2:-$repo/.build/release/polectl}
if [ $# -lt 2 ]; then
    for product in poled polectl; do
        if [ ! -x ".build/release/$product" ] || grep -q libswift <<<"$(ldd ".build/release/$product")"; then
            swift build -c release --static-swift-stdlib --product "$product"
        fi
    done
fi
gcc -static -O2 -Wall -o "$work/hilwire" Tests/HIL/hilwire.c

# The initramfs: busybox, the modules, poled and the gpiod tools with their C libraries, the files.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,usr/bin,lib/modules,etc/poled,dev,proc,sys,tmp,run}
cp /bin/busybox "$root/bin/busybox"
# Debian 13 ships its modules xz-compressed under /usr/lib; busybox's insmod wants them plain. A
# module the kernel has built in is not there, and the guest does without it.
modules=$work/kroot/lib/modules/$abi
[ -d "$modules" ] || modules=$work/kroot/usr/lib/modules/$abi
for name in fs/configfs/configfs drivers/i2c/i2c-dev drivers/i2c/i2c-stub; do
    module=$modules/kernel/$name.ko
    if [ -f "$module" ]; then
        cp "$module" "$root/lib/modules/"
    elif [ -f "$module.xz" ]; then
        xz -dc "$module.xz" >"$root/lib/modules/$(basename "$module")"
    elif ! grep -q "/$name.ko" "$modules/modules.builtin"; then
        echo "hil: the kernel has no $name module, built in or not" >&2
        exit 69
    fi
done
cp "$work/gpio-sim.ko" "$root/lib/modules/"
for binary in "$poled" "$polectl" "$work/hilwire" /usr/bin/gpioinfo /usr/bin/gpioset /usr/bin/gpioget; do
    cp "$binary" "$root/usr/bin/"
    for library in $(ldd "$binary" 2>/dev/null | grep -o '/[^ ]*' || true); do
        mkdir -p "$root$(dirname "$library")"
        cp -L "$library" "$root$library"
    done
done
cp boards/hil.toml Tests/HIL/poled.toml "$root/etc/poled/"
cp Tests/HIL/guest-init.sh "$root/init"
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$work/initrd.cpio.gz"

log=$work/console.log
timeout 300 qemu-system-x86_64 -accel tcg -m 512 -smp 1 -nographic -no-reboot \
    -kernel "$work/kroot/boot/vmlinuz-$abi" -initrd "$work/initrd.cpio.gz" \
    -append "console=ttyS0 quiet panic=-1 HIL_LATENCY_MS=${HIL_LATENCY_MS:-100}" </dev/null | tr -d '\r' | tee "$log" | grep '^HIL ' || true

echo "hil: $(( $(date +%s) - started )) s (kernel $abi)"
source Tests/HIL/tally.sh
hil_tally "$log" hil 1 2 3 4 5a 5b 6 7
