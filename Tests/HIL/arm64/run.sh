#!/usr/bin/env bash
# arm64 against an arm64 kernel: PoleLinux, cross-built with Debian 13's Swift, drives the GPIO
# character device (libgpiod 2 against gpio-sim) and i2c-dev (i2c-stub) of Debian 13's arm64 kernel
# booted under qemu-system-aarch64 (README.md, "arm64"). Run inside the Debian 13 root after
# .ci/arm64.sh, which installs Debian's Swift and unpacks the arm64 runtime; .ci/arm64.sh runs it as
# its last stage.
#
# Installs what it needs from Debian (qemu-system-arm, the aarch64 cross compiler, the kernel's build
# tools and common headers), downloads the arm64 kernel image, its headers, linux-source and
# busybox-static:arm64, builds gpio-sim (with irq_sim) and i2c-stub for that kernel out of tree,
# builds Sources/PoleLinuxSmoke for aarch64 as a static executable, packs an initramfs with
# Tests/HIL/arm64/guest-init.sh, adds a bit-banged I²C adapter to the machine's device tree
# (Tests/HIL/arm64/i2c-gpio.dtsi), boots it and reads the cases' results from the serial console.
# Downloads and modules are cached in ${HIL_CACHE:-.build-hil}/arm64. Prints "N passed, N failed";
# exits 1 on any failure.
#
# Environment: ARM64_RUNTIME (default /opt/swift-arm64).
set -euo pipefail
cd "$(dirname "$0")/../../.."
repo=$PWD
runtime=${ARM64_RUNTIME:-/opt/swift-arm64}
started=$(date +%s)
trap 'echo "hil-arm64: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

# The arm64 kernel Debian 13 ships now (its ABI moves with security updates).
current_kernel() {
    apt-cache depends linux-image-arm64:arm64 2>/dev/null | sed -n 's/.*Depends: linux-image-\([^:]*\).*$/\1/p' | head -n 1
}
abi=$(current_kernel)
[ -n "$abi" ] || { apt-get update -qq && abi=$(current_kernel); }
[ -n "$abi" ] || { echo "hil-arm64: cannot find Debian's arm64 kernel (apt-cache depends linux-image-arm64:arm64)" >&2; exit 69; }
version=${abi%-arm64}
work=${HIL_CACHE:-$repo/.build-hil}/arm64/$abi
mkdir -p "$work"
apt-get install -y -qq --no-install-recommends qemu-system-arm gcc-aarch64-linux-gnu make cpio xz-utils device-tree-compiler \
    "linux-kbuild-$version" "linux-headers-$version-common" >/dev/null

download() { # PACKAGE...: into the current folder
    apt-get download -qq -o APT::Sandbox::User=root "$@" 2>/dev/null ||
        { apt-get update -qq && apt-get download -qq -o APT::Sandbox::User=root "$@"; }
}
if [ ! -f "$work/ready" ]; then
    rm -rf "$work" && mkdir -p "$work/debs"
    (cd "$work/debs" && download "linux-image-$abi:arm64" "linux-headers-$abi:arm64" busybox-static:arm64 \
        "linux-source-$(echo "$version" | cut -d. -f1,2)")
    dpkg-deb -x "$work"/debs/linux-image-"$abi"_*.deb "$work/kroot"
    dpkg-deb -x "$work"/debs/linux-headers-"$abi"_*.deb "$work/headers"
    dpkg-deb -x "$work"/debs/busybox-static_*.deb "$work/busybox"
    # The arm64 headers' build tools are arm64 programs: use the host's, of the same version.
    build=$work/headers/usr/src/linux-headers-$abi
    ln -sfn "/usr/lib/linux-kbuild-$version/scripts" "$build/scripts"
    ln -sfn "/usr/lib/linux-kbuild-$version/tools" "$build/tools"
    module=$work/module
    bash Tests/HIL/module-sources.sh "$work"/debs/linux-source-*.deb "$module" i2c-stub
    make -s -C "$build" M="$module" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- modules
    for name in gpio-sim i2c-stub; do
        aarch64-linux-gnu-strip --strip-debug "$module/$name.ko"
        mv "$module/$name.ko" "$work/$name.ko"
    done
    rm -rf "$module" "$work/debs" "$work/headers"
    touch "$work/ready"
fi

# PoleLinuxSmoke for aarch64, linked statically: the Swift runtime from the arm64 swift_static folder,
# glibc, libstdc++ and libgpiod from Debian's arm64 -dev packages. (`-static-executable` asks for
# ICU libraries Debian's runtime lacks; clang's -static supersedes the driver's -pie and says so.)
package=$repo/.build-arm64/package
bash tools/swift-6.0/package.sh "$package"
/usr/libexec/swift/bin/swift build -c release --product PoleLinuxSmoke --package-path "$package" \
    --scratch-path "$repo/.build-arm64/static" --triple aarch64-unknown-linux-gnu \
    -Xswiftc -resource-dir -Xswiftc "$runtime/usr/libexec/swift/lib/swift_static" --static-swift-stdlib \
    -Xswiftc -use-ld=lld -Xswiftc -Xclang-linker -Xswiftc -static \
    -Xswiftc -Xclang-linker -Xswiftc -Wno-unused-command-line-argument 2>&1 |
    grep -Ev '^\[|^Building|^Build of|^Compiling|^Write|^Planning' || true
smoke=$repo/.build-arm64/static/aarch64-unknown-linux-gnu/release/PoleLinuxSmoke
[ -x "$smoke" ] || { echo "hil-arm64: PoleLinuxSmoke did not build for aarch64" >&2; exit 1; }
if grep -q 'program interpreter' <<<"$(readelf -l "$smoke")"; then
    echo "hil-arm64: PoleLinuxSmoke is not static" >&2
    exit 1
fi

# The initramfs: busybox, the modules, the smoke.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,usr/bin,lib/modules,dev,proc,sys,tmp}
for busybox in "$work"/busybox/usr/bin/busybox "$work"/busybox/bin/busybox; do [ ! -f "$busybox" ] || break; done
cp "$busybox" "$root/bin/busybox"
modules=$work/kroot/usr/lib/modules/$abi
[ -d "$modules" ] || modules=$work/kroot/lib/modules/$abi
for name in fs/configfs/configfs drivers/i2c/i2c-dev drivers/i2c/algos/i2c-algo-bit drivers/i2c/busses/i2c-gpio; do
    module=$modules/kernel/$name.ko
    if [ -f "$module.xz" ]; then
        xz -dc "$module.xz" >"$root/lib/modules/$(basename "$module")"
    elif [ -f "$module" ]; then
        cp "$module" "$root/lib/modules/"
    elif ! grep -q "/$name.ko" "$modules/modules.builtin"; then
        echo "hil-arm64: the kernel has no $name module, built in or not" >&2
        exit 69
    fi
done
cp "$work/gpio-sim.ko" "$work/i2c-stub.ko" "$root/lib/modules/"
cp "$smoke" "$root/usr/bin/"
cp Tests/HIL/arm64/guest-init.sh "$root/init"
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$work/initrd.cpio.gz"

# The machine's own device tree, as qemu makes it for these options, with Tests/HIL/arm64/i2c-gpio.dtsi.
machine=(-cpu cortex-a72 -accel tcg -m 512 -smp 1 -nic none -nographic)
qemu-system-aarch64 -M "virt,dumpdtb=$work/virt.dtb" "${machine[@]}" >/dev/null
dtc -q -I dtb -O dts -o "$work/virt.dts" "$work/virt.dtb"
pl061=$(sed -n '/pl061@/,/};/s/.*phandle = <\(0x[0-9a-f]*\)>;.*/\1/p' "$work/virt.dts")
[ -n "$pl061" ] || { echo "hil-arm64: qemu's virt machine has no PL061 GPIO controller" >&2; exit 69; }
sed "s/PL061_PHANDLE/$pl061/g" Tests/HIL/arm64/i2c-gpio.dtsi >>"$work/virt.dts"
dtc -q -I dts -O dtb -o "$work/pole.dtb" "$work/virt.dts"

log=$work/console.log
booted=$(date +%s)
timeout 600 qemu-system-aarch64 -M virt "${machine[@]}" -no-reboot -dtb "$work/pole.dtb" \
    -kernel "$work/kroot/boot/vmlinuz-$abi" -initrd "$work/initrd.cpio.gz" \
    -append "console=ttyAMA0 quiet panic=-1" </dev/null | tr -d '\r' | tee "$log" | grep -a '^HIL ' || true
echo "hil-arm64: $(($(date +%s) - started)) s, of which qemu $(($(date +%s) - booted)) s (kernel $abi)"
source Tests/HIL/tally.sh
hil_tally "$log" hil-arm64 1 2 3 4 5 6 7 8
