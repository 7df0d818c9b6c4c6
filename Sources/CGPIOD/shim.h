// libgpiod 1.6 (Debian 12, Raspberry Pi OS bookworm) for Swift.
//
// struct gpiod_line_bulk holds a fixed array of 64 line pointers, which Swift sees as a 64-tuple;
// these helpers build a bulk on the stack from a plain array, so Swift passes arrays and never touches
// the struct. No allocation: the bulk lives for one call.
#ifndef POLED_CGPIOD_SHIM_H
#define POLED_CGPIOD_SHIM_H

#include <errno.h>
#include <gpiod.h>

#ifdef GPIOD_LINE_BULK_MAX_LINES
#define POLED_GPIOD_V1 1
#else
#error "poled's CGPIOD needs libgpiod 1.x (libgpiod-dev 1.6 on Debian 12); libgpiod 2.x has a different API"
#endif

static inline int poled_gpiod_fill_bulk(struct gpiod_line_bulk *bulk, struct gpiod_line *const *lines, unsigned count) {
    if (count == 0 || count > GPIOD_LINE_BULK_MAX_LINES) {
        errno = EINVAL;
        return -1;
    }
    gpiod_line_bulk_init(bulk);
    for (unsigned i = 0; i < count; i++) {
        gpiod_line_bulk_add(bulk, lines[i]);
    }
    return 0;
}

// Each helper returns 0, or -errno on failure, so Swift never reads errno after other calls.

/// Requests `count` lines of one chip together; `defaults` (outputs only) may be NULL.
static inline int poled_gpiod_request(struct gpiod_line *const *lines, unsigned count, const char *consumer,
                                      int output, int flags, const int *defaults) {
    struct gpiod_line_bulk bulk;
    if (poled_gpiod_fill_bulk(&bulk, lines, count) != 0) {
        return -EINVAL;
    }
    struct gpiod_line_request_config config = {
        .consumer = consumer,
        .request_type = output ? GPIOD_LINE_REQUEST_DIRECTION_OUTPUT : GPIOD_LINE_REQUEST_DIRECTION_INPUT,
        .flags = flags,
    };
    return gpiod_line_request_bulk(&bulk, &config, output ? defaults : NULL) == 0 ? 0 : -errno;
}

/// Reads the values of requested lines in one call.
static inline int poled_gpiod_get(struct gpiod_line *const *lines, unsigned count, int *values) {
    struct gpiod_line_bulk bulk;
    if (poled_gpiod_fill_bulk(&bulk, lines, count) != 0) {
        return -EINVAL;
    }
    return gpiod_line_get_value_bulk(&bulk, values) == 0 ? 0 : -errno;
}

/// Sets the values of requested output lines in one call.
static inline int poled_gpiod_set(struct gpiod_line *const *lines, unsigned count, const int *values) {
    struct gpiod_line_bulk bulk;
    if (poled_gpiod_fill_bulk(&bulk, lines, count) != 0) {
        return -EINVAL;
    }
    return gpiod_line_set_value_bulk(&bulk, values) == 0 ? 0 : -errno;
}

/// Releases requested lines.
static inline void poled_gpiod_release(struct gpiod_line *const *lines, unsigned count) {
    struct gpiod_line_bulk bulk;
    if (poled_gpiod_fill_bulk(&bulk, lines, count) == 0) {
        gpiod_line_release_bulk(&bulk);
    }
}

static const int POLED_GPIOD_FLAG_ACTIVE_LOW = GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW;
static const int POLED_GPIOD_FLAG_BIAS_DISABLE = GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE;
static const int POLED_GPIOD_FLAG_BIAS_PULL_DOWN = GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN;
static const int POLED_GPIOD_FLAG_BIAS_PULL_UP = GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP;
static const int POLED_GPIOD_LINE_DIRECTION_OUTPUT = GPIOD_LINE_DIRECTION_OUTPUT;

#endif
