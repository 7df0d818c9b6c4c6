#include "i2c_transfer.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/i2c.h>
#include <linux/i2c-dev.h>
#include <sys/ioctl.h>
#include <unistd.h>

int poled_i2c_open(const char *path) {
    int descriptor = open(path, O_RDWR | O_CLOEXEC);
    return descriptor >= 0 ? descriptor : -errno;
}

int poled_i2c_check_plain_transfers(int descriptor) {
    unsigned long functions = 0;
    if (ioctl(descriptor, I2C_FUNCS, &functions) < 0) {
        return -errno;
    }
    return (functions & I2C_FUNC_I2C) ? 0 : -EOPNOTSUPP;
}

int poled_i2c_transfer(int descriptor, uint16_t address, const poled_i2c_operation *operations, unsigned count) {
    if (count == 0 || count > POLED_I2C_OPERATIONS_MAX) {
        return -EINVAL;
    }
    struct i2c_msg messages[POLED_I2C_OPERATIONS_MAX];
    for (unsigned i = 0; i < count; i++) {
        messages[i].addr = address;
        messages[i].flags = operations[i].read ? I2C_M_RD : 0;
        messages[i].len = operations[i].length;
        messages[i].buf = operations[i].buffer;
    }
    struct i2c_rdwr_ioctl_data data = { .msgs = messages, .nmsgs = count };
    return ioctl(descriptor, I2C_RDWR, &data) < 0 ? -errno : 0;
}

void poled_i2c_close(int descriptor) {
    close(descriptor);
}
