// I²C transfers through /dev/i2c-N with the I2C_RDWR ioctl, for Swift.
//
// Builds the kernel's i2c_msg array from plain operations, so Swift never lays out kernel structs.
// Every function returns 0 (or a descriptor) on success and -errno on failure.
#ifndef POLED_I2C_TRANSFER_H
#define POLED_I2C_TRANSFER_H

#include <stdint.h>

/// One write or read of a transaction.
typedef struct {
    int read;          ///< 1 for a read into `buffer`, 0 for a write from it.
    uint8_t *buffer;
    uint16_t length;
} poled_i2c_operation;

/// The most operations one I2C_RDWR call takes.
#define POLED_I2C_OPERATIONS_MAX 42

/// Opens the bus device read-write, close-on-exec; a descriptor or -errno.
int poled_i2c_open(const char *path);

/// 0 when the adapter can do plain I²C transfers (I2C_FUNC_I2C), -EOPNOTSUPP when not, -errno on failure.
int poled_i2c_check_plain_transfers(int descriptor);

/// One combined transfer: repeated starts between operations, one stop at the end.
int poled_i2c_transfer(int descriptor, uint16_t address, const poled_i2c_operation *operations, unsigned count);

/// Closes the descriptor.
void poled_i2c_close(int descriptor);

#endif
