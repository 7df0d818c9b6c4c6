#!/usr/bin/env bash
# The Debian 13 machine the systemd harness boots (Tests/systemd/run.sh), built once and cached:
#
#   Tests/systemd/image.sh CACHE      prints the image's folder, CACHE/image-<recipe hash>, holding
#     root/               the root file system: `debootstrap --variant=minbase trixie` with systemd,
#                         udev, kmod, tzdata, the gpiod tools and every library the poled .deb depends
#                         on (the VM has no network, so `apt install ./poled_*.deb` must find them
#                         installed), Debian's kernel modules the harness loads (configfs, i2c-dev,
#                         i2c-stub) and gpio-sim built out of tree; its package lists removed, as on
#                         a pole that installs the .deb by hand
#     vmlinuz, abi        the kernel Debian 13 ships now (linux-image-amd64's dependency)
#     initrd.cpio.gz      busybox and the modules to mount /dev/vda (virtio_blk, ext4: modules in
#                         Debian's kernel), then switch_root to systemd (Tests/systemd/initramfs-init.sh)
#
# gpio-sim (with irq_sim) is not built by Debian's kernel; as in Tests/HIL/run.sh it is compiled
# from linux-source (Tests/HIL/module-sources.sh) against linux-headers, here in a throwaway copy of
# the root so the image keeps no compiler. Runs as root (debootstrap, chroot). Takes about 2 minutes
# once; a changed recipe (this file, initramfs-init.sh or Tests/HIL/module-sources.sh) makes a new
# image. Environment: SYSTEMD_VM_MIRROR (default: the Debian mirror this machine's apt sources name).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
cache=${1:?usage: Tests/systemd/image.sh CACHE}
source .ci/apt-sources.sh

# What the guest needs besides the .deb: systemd as init, udev (the package's rule), kmod
# (modules-load.d), tzdata (the site's time zone), passwd (the harness's users), gpiod (gpioinfo);
# libgpiod3, libsqlite3-0 and libmosquitto1 are the .deb's own dependencies beside libc and libstdc++.
packages=systemd,systemd-sysv,udev,kmod,tzdata,passwd,util-linux,gpiod,libgpiod3,libsqlite3-0,libmosquitto1,libstdc++6
recipe=$(cat "$0" Tests/systemd/initramfs-init.sh Tests/HIL/module-sources.sh | sha256sum | cut -c1-12)
image=$cache/image-$recipe
if [ -f "$image/.complete" ]; then
    echo "$image"
    exit 0
fi
[ "$(id -u)" -eq 0 ] || { echo "image: must run as root (debootstrap, chroot)" >&2; exit 77; }
started=$(date +%s)
host_codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
mirror=${SYSTEMD_VM_MIRROR:-$(apt_uri_for_suite "$host_codename" | head -n 1)}
[ -n "$mirror" ] || { echo "image: no Debian mirror in this machine's apt sources; set SYSTEMD_VM_MIRROR" >&2; exit 69; }

# Images of other recipes are stale: only this one is kept.
partial=$image.partial
rm -rf "$cache"/image-*
mkdir -p "$partial"
root=$partial/root
echo "image: debootstrap --variant=minbase trixie from $mirror" >&2
debootstrap --variant=minbase --include="$packages" trixie "$root" "$mirror" >"$partial/debootstrap.log" 2>&1 ||
    { tail -n 20 "$partial/debootstrap.log" >&2; echo "image: debootstrap failed" >&2; exit 1; }
echo "deb $mirror trixie main" >"$root/etc/apt/sources.list"

# in_root ROOT COMMAND...: runs COMMAND chrooted in ROOT with /proc and /dev, in a mount namespace
# of its own, so nothing stays mounted whatever happens.
in_root() {
    local dir=$1
    shift
    unshare --mount --propagation private -- sh -c '
        dir=$1; shift
        mount -t proc proc "$dir/proc" && mount --rbind /dev "$dir/dev" && exec chroot "$dir" /usr/bin/env -i \
            PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"' sh "$dir" "$@"
}

abi=$(in_root "$root" apt-cache depends linux-image-amd64 | sed -n 's/.*Depends: linux-image-\(.*\)$/\1/p' | head -n 1)
[ -n "$abi" ] || { echo "image: no linux-image-amd64 in trixie's package lists" >&2; exit 69; }
echo "$abi" >"$partial/abi"

# Debian's kernel and the few modules the harness loads; gpio-sim goes to extra/.
in_root "$root" sh -c "cd /tmp && apt-get download -qq linux-image-$abi"
dpkg -x "$root"/tmp/linux-image-"$abi"_*.deb "$partial/kernel"
rm -f "$root"/tmp/linux-image-*.deb
cp "$partial/kernel/boot/vmlinuz-$abi" "$partial/vmlinuz"
modules=$partial/kernel/usr/lib/modules/$abi
for name in fs/configfs/configfs drivers/i2c/i2c-dev drivers/i2c/i2c-stub; do
    install -D -m 0644 "$modules/kernel/$name.ko.xz" "$root/usr/lib/modules/$abi/kernel/$name.ko.xz"
done
cp "$modules"/modules.builtin "$modules"/modules.builtin.modinfo "$modules"/modules.order "$root/usr/lib/modules/$abi/"

# gpio-sim and irq_sim from linux-source, built in a copy of the root that has the compiler.
build=$partial/build
cp -a "$root" "$build"
version=$(echo "$abi" | cut -d. -f1,2)
in_root "$build" apt-get install -y -qq --no-install-recommends "linux-headers-$abi" make xz-utils >/dev/null
in_root "$build" sh -c "cd /tmp && apt-get download -qq linux-source-$version"
bash Tests/HIL/module-sources.sh "$build"/tmp/linux-source-"$version"_*.deb "$build/tmp/module"
in_root "$build" make -s -C "/lib/modules/$abi/build" M=/tmp/module modules
install -D -m 0644 "$build/tmp/module/gpio-sim.ko" "$root/usr/lib/modules/$abi/extra/gpio-sim.ko"
rm -rf "$build"
in_root "$root" depmod "$abi"

# A machine that boots to multi-user.target unattended: a machine ID (no first-boot prompts), no
# login prompts on the consoles, i2c-stub with an SPS30-sized chip at 0x69 as boards/hil.toml expects.
in_root "$root" systemd-machine-id-setup >/dev/null
echo poled-vm >"$root/etc/hostname"
for unit in systemd-firstboot.service serial-getty@ttyS0.service getty@tty1.service console-getty.service; do
    ln -sf /dev/null "$root/etc/systemd/system/$unit"
done
echo i2c-stub >"$root/etc/modules-load.d/hil-i2c-stub.conf"
echo "options i2c-stub chip_addr=0x69" >"$root/etc/modprobe.d/hil-i2c-stub.conf"
printf '/dev/vda / ext4 rw,noatime 0 1\n' >"$root/etc/fstab"
in_root "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/*

# The initramfs: busybox and the modules that reach the root file system.
initramfs=$partial/initramfs
mkdir -p "$initramfs"/{bin,dev,proc,sys,newroot,lib/modules}
cp /bin/busybox "$initramfs/bin/busybox"
for name in lib/crc16 crypto/crc32c_generic fs/mbcache fs/jbd2/jbd2 fs/ext4/ext4 drivers/block/virtio_blk; do
    xz -dc "$modules/kernel/$name.ko.xz" >"$initramfs/lib/modules/$(basename "$name").ko"
done
install -m 0755 Tests/systemd/initramfs-init.sh "$initramfs/init"
(cd "$initramfs" && find . | cpio -o -H newc --quiet | gzip -1) >"$partial/initrd.cpio.gz"
rm -rf "$initramfs" "$partial/kernel"

touch "$partial/.complete"
mv "$partial" "$image"
echo "image: made $image (kernel $abi) in $(($(date +%s) - started)) s" >&2
echo "$image"
