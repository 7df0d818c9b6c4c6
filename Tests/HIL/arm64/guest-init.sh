#!/bin/busybox sh
# The guest's /init for the arm64 harness (Tests/HIL/arm64/run.sh): loads the modules, makes the
# gpio-sim bank PoleLinuxSmoke expects, finds the two I²C adapters, runs it, prints `HIL DONE` and
# powers off.
/bin/busybox --install -s /bin
export PATH=/bin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
echo "HIL BOOTED kernel $(uname -r) on $(uname -m), pages of $(grep -m 1 KernelPageSize /proc/self/smaps | tr -s ' ' | cut -d' ' -f2-)"
# Modules the kernel has built in are not in the initramfs.
for module in configfs i2c-dev "i2c-stub chip_addr=0x69" gpio-sim i2c-algo-bit i2c-gpio; do
    set -- $module
    [ ! -f /lib/modules/$1.ko ] || insmod /lib/modules/$1.ko $2 || echo "HIL INFO insmod $1 failed"
done
mount -t configfs none /sys/kernel/config

C=/sys/kernel/config/gpio-sim/smoke
mkdir $C $C/bank0
echo 5 > $C/bank0/num_lines
echo poled-arm64 > $C/bank0/label
offset=0
for name in IN_A IN_B OUT_A OUT_B OUT_C; do
    mkdir $C/bank0/line$offset
    echo $name > $C/bank0/line$offset/name
    offset=$((offset + 1))
done
echo 1 > $C/live
CHIP=$(cat $C/bank0/chip_name)
# The two I²C adapters by name: i2c-stub's, and the bit-banged one the device tree adds.
adapter() {
    for folder in /sys/class/i2c-dev/i2c-*; do
        if grep -q "$1" $folder/name; then echo /dev/${folder##*/}; return; fi
    done
    echo "/dev/no-adapter-named-$1"
}
STUB=$(adapter "SMBus stub")
PLAIN=$(adapter i2c-plain)
echo "HIL INFO gpio-sim bank $CHIP, i2c-stub at $STUB, i2c-gpio at $PLAIN"
PoleLinuxSmoke /sys/bus/gpio/devices/$CHIP "$STUB" "$PLAIN"
echo "HIL DONE"
poweroff -f
