#!/usr/bin/env bash
# Prepares the out-of-tree build of the simulated devices Debian's kernels leave out: gpio-sim with
# the irq_sim it needs (CONFIG_GPIO_SIM and CONFIG_IRQ_SIM are unset on amd64 and arm64) and, when
# asked, i2c-stub (unset on arm64), from Debian's linux-source package. Used by Tests/HIL/run.sh,
# Tests/HIL/arm64/run.sh and Tests/systemd/image.sh.
#
#   Tests/HIL/module-sources.sh LINUX_SOURCE_DEB FOLDER [i2c-stub]
#
# FOLDER receives the sources and a Makefile for `make -C <the kernel's build folder> M=FOLDER modules`,
# which makes gpio-sim.ko (and i2c-stub.ko).
set -euo pipefail
deb=${1:?usage: module-sources.sh LINUX_SOURCE_DEB FOLDER [i2c-stub]}
folder=${2:?usage: module-sources.sh LINUX_SOURCE_DEB FOLDER [i2c-stub]}
files=('*/drivers/gpio/gpio-sim.c' '*/drivers/gpio/gpiolib.h' '*/kernel/irq/irq_sim.c')
objects=gpio-sim.o
if [ "${3:-}" = i2c-stub ]; then
    files+=('*/drivers/i2c/i2c-stub.c')
    objects+=" i2c-stub.o"
fi

tree=$folder/tree
mkdir -p "$tree"
dpkg-deb --fsys-tarfile "$deb" | tar -xO --wildcards './usr/src/linux-source-*.tar.xz' |
    tar -xJ --wildcards --strip-components=1 -C "$tree" "${files[@]}"
# gpio-sim's object is gpio-sim.o, made of two sources: the driver's own is renamed.
cp "$tree/drivers/gpio/gpio-sim.c" "$folder/gpio-sim-main.c"
cp "$tree/drivers/gpio/gpiolib.h" "$tree/kernel/irq/irq_sim.c" "$folder/"
[ ! -f "$tree/drivers/i2c/i2c-stub.c" ] || cp "$tree/drivers/i2c/i2c-stub.c" "$folder/"
rm -rf "$tree"
# irq_to_desc is not exported to modules.
sed -i 's/handle_simple_irq(irq_to_desc(irqnum))/generic_handle_irq(irqnum)/' "$folder/irq_sim.c"
cat >"$folder/Makefile" <<MAKEFILE
obj-m := $objects
gpio-sim-y := gpio-sim-main.o irq_sim.o
MAKEFILE
