// gpio_lines.h for libgpiod 1.x (1.6 on Debian 12 and Raspberry Pi OS bookworm). gpio_lines_v2.c
// holds the 2.x bodies; the installed header decides which file compiles: only 1.x defines
// GPIOD_LINE_BULK_MAX_LINES.
#if !__has_include(<gpiod.h>)
#error "poled needs libgpiod's header: apt-get install libgpiod-dev"
#endif
#include <gpiod.h>

#ifdef GPIOD_LINE_BULK_MAX_LINES

#include "gpio_lines.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(POLED_GPIO_REQUEST_LINES_MAX == GPIOD_LINE_BULK_MAX_LINES, "one request is one libgpiod 1.x bulk");

struct poled_gpio_chip {
    struct gpiod_chip *chip;
};

struct poled_gpio_request {
    struct gpiod_line_bulk bulk;
};

static int failure(void) {
    return errno != 0 ? -errno : -EIO;
}

static void copy_text(char *destination, size_t size, const char *text) {
    if (size == 0) {
        return;
    }
    strncpy(destination, text != NULL ? text : "", size - 1);
    destination[size - 1] = '\0';
}

int poled_gpio_api_major(void) {
    return 1;
}

const char *poled_gpio_library_version(void) {
    return gpiod_version_string();
}

int poled_gpio_find_chip(const char *label, char *chip_name, size_t chip_name_size) {
    errno = 0;
    struct gpiod_chip *chip = gpiod_chip_open_by_label(label);
    if (chip == NULL) {
        return failure();
    }
    copy_text(chip_name, chip_name_size, gpiod_chip_name(chip));
    gpiod_chip_close(chip);
    return 0;
}

int poled_gpio_find_line_on_chip(const char *chip_name, const char *name, unsigned *offset) {
    struct gpiod_chip *chip = gpiod_chip_open_by_name(chip_name);
    if (chip == NULL) {
        return failure();
    }
    errno = ENOENT;
    struct gpiod_line *line = gpiod_chip_find_line(chip, name);
    int result = line != NULL ? 0 : failure();
    if (line != NULL) {
        *offset = gpiod_line_offset(line);
    }
    gpiod_chip_close(chip);
    return result;
}

int poled_gpio_find_line(const char *name, char *chip_name, size_t chip_name_size, char *label, size_t label_size,
                         unsigned *offset) {
    // gpiod_line_find leaves errno at 0 when every chip opened and none has the line.
    errno = 0;
    struct gpiod_line *line = gpiod_line_find(name);
    if (line == NULL) {
        return errno != 0 ? -errno : -ENOENT;
    }
    struct gpiod_chip *chip = gpiod_line_get_chip(line);
    copy_text(chip_name, chip_name_size, gpiod_chip_name(chip));
    copy_text(label, label_size, gpiod_chip_label(chip));
    *offset = gpiod_line_offset(line);
    gpiod_line_close_chip(line);
    return 0;
}

int poled_gpio_chip_open(const char *chip_name, poled_gpio_chip **chip) {
    poled_gpio_chip *opened = malloc(sizeof *opened);
    if (opened == NULL) {
        return -ENOMEM;
    }
    opened->chip = gpiod_chip_open_by_name(chip_name);
    if (opened->chip == NULL) {
        int result = failure();
        free(opened);
        return result;
    }
    *chip = opened;
    return 0;
}

void poled_gpio_chip_close(poled_gpio_chip *chip) {
    gpiod_chip_close(chip->chip);
    free(chip);
}

int poled_gpio_line_usage(poled_gpio_chip *chip, unsigned offset, int *used, char *consumer, size_t consumer_size) {
    struct gpiod_line *line = gpiod_chip_get_line(chip->chip, offset);
    if (line == NULL || gpiod_line_update(line) != 0) {
        return failure();
    }
    *used = gpiod_line_is_used(line) ? 1 : 0;
    copy_text(consumer, consumer_size, gpiod_line_consumer(line));
    return 0;
}

int poled_gpio_request_lines(poled_gpio_chip *chip, const unsigned *offsets, unsigned count, const char *consumer,
                             int output, int active_low, int bias, const int *initial_values,
                             poled_gpio_request **request) {
    if (count == 0 || count > GPIOD_LINE_BULK_MAX_LINES || (output && initial_values == NULL)) {
        return -EINVAL;
    }
    int flags = active_low ? GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW : 0;
    switch (bias) {
    case POLED_GPIO_BIAS_AS_IS: break;
    case POLED_GPIO_BIAS_DISABLED: flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE; break;
    case POLED_GPIO_BIAS_PULL_UP: flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP; break;
    case POLED_GPIO_BIAS_PULL_DOWN: flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN; break;
    default: return -EINVAL;
    }
    poled_gpio_request *made = malloc(sizeof *made);
    if (made == NULL) {
        return -ENOMEM;
    }
    gpiod_line_bulk_init(&made->bulk);
    for (unsigned i = 0; i < count; i++) {
        struct gpiod_line *line = gpiod_chip_get_line(chip->chip, offsets[i]);
        if (line == NULL) {
            int result = failure();
            free(made);
            return result;
        }
        gpiod_line_bulk_add(&made->bulk, line);
    }
    struct gpiod_line_request_config config = {
        .consumer = consumer,
        .request_type = output ? GPIOD_LINE_REQUEST_DIRECTION_OUTPUT : GPIOD_LINE_REQUEST_DIRECTION_INPUT,
        .flags = flags,
    };
    if (gpiod_line_request_bulk(&made->bulk, &config, output ? initial_values : NULL) != 0) {
        int result = failure();
        free(made);
        return result;
    }
    *request = made;
    return 0;
}

int poled_gpio_get_values(poled_gpio_request *request, int *values) {
    return gpiod_line_get_value_bulk(&request->bulk, values) == 0 ? 0 : failure();
}

int poled_gpio_set_values(poled_gpio_request *request, const int *values) {
    return gpiod_line_set_value_bulk(&request->bulk, values) == 0 ? 0 : failure();
}

void poled_gpio_release(poled_gpio_request *request) {
    gpiod_line_release_bulk(&request->bulk);
    free(request);
}

#endif
