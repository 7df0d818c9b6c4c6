#!/bin/busybox sh
# The systemd harness's initramfs /init (packed by Tests/systemd/image.sh): Debian's kernel has
# virtio_blk and ext4 as modules, so load them, mount /dev/vda and hand over to the root's systemd.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
for module in crc16 crc32c_generic mbcache jbd2 ext4 virtio_blk; do
    insmod /lib/modules/$module.ko || echo "initramfs: insmod $module failed"
done
for i in $(seq 1 100); do
    [ -b /dev/vda ] && break
    sleep 0.1
done
mount -t ext4 -o rw,noatime /dev/vda /newroot || { echo "initramfs: cannot mount /dev/vda"; poweroff -f; }
umount /proc /sys
mount --move /dev /newroot/dev
exec switch_root /newroot /sbin/init
