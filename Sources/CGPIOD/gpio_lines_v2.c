// gpio_lines.h for libgpiod 2.x (2.2 on Debian 13 and Raspberry Pi OS trixie). gpio_lines_v1.c
// holds the 1.x bodies; the installed header decides which file compiles: only 1.x defines
// GPIOD_LINE_BULK_MAX_LINES.
#if !__has_include(<gpiod.h>)
#error "poled needs libgpiod's header: apt-get install libgpiod-dev"
#endif
#include <gpiod.h>

#ifndef GPIOD_LINE_BULK_MAX_LINES

#include "gpio_lines.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct poled_gpio_chip {
    struct gpiod_chip *chip;
};

/// libgpiod 2.x reads and writes through the request handle; the offsets are kept so that values
/// are always in poled's order, whatever order the library keeps them in.
struct poled_gpio_request {
    struct gpiod_line_request *request;
    unsigned count;
    unsigned offsets[POLED_GPIO_REQUEST_LINES_MAX];
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

static struct gpiod_chip *open_by_name(const char *chip_name) {
    char path[64];
    if (strchr(chip_name, '/') != NULL || snprintf(path, sizeof path, "/dev/%s", chip_name) >= (int)sizeof path) {
        errno = EINVAL;
        return NULL;
    }
    return gpiod_chip_open(path);
}

static int is_chip_entry(const struct dirent *entry) {
    return strncmp(entry->d_name, "gpiochip", 8) == 0;
}

/// Calls `visit` on each GPIO chip in /dev, in name order (as libgpiod 1.x's chip iterator), until it
/// returns non-zero. Returns what `visit` returned, 0 if it never did, or -errno when /dev cannot be
/// read. `*open_error` gets the first chip that could not be opened.
static int each_chip(int (*visit)(struct gpiod_chip *, void *), void *context, int *open_error) {
    struct dirent **entries;
    int count = scandir("/dev", &entries, is_chip_entry, alphasort);
    if (count < 0) {
        return failure();
    }
    int result = 0;
    for (int i = 0; i < count; i++) {
        char path[300];
        snprintf(path, sizeof path, "/dev/%s", entries[i]->d_name);
        if (result == 0 && gpiod_is_gpiochip_device(path)) {
            struct gpiod_chip *chip = gpiod_chip_open(path);
            if (chip == NULL) {
                if (*open_error == 0) {
                    *open_error = failure();
                }
            } else {
                result = visit(chip, context);
                gpiod_chip_close(chip);
            }
        }
        free(entries[i]);
    }
    free(entries);
    return result;
}

int poled_gpio_api_major(void) {
    return 2;
}

const char *poled_gpio_library_version(void) {
    return gpiod_api_version();
}

struct chip_search {
    const char *label;
    const char *line;
    char *chip_name;
    size_t chip_name_size;
    char *label_out;
    size_t label_out_size;
    unsigned offset;
};

/// 1 when `chip` has the label searched for (writes its name), -errno when its info cannot be read.
static int match_label(struct gpiod_chip *chip, void *context) {
    struct chip_search *search = context;
    struct gpiod_chip_info *info = gpiod_chip_get_info(chip);
    if (info == NULL) {
        return failure();
    }
    int found = strcmp(gpiod_chip_info_get_label(info), search->label) == 0;
    if (found) {
        copy_text(search->chip_name, search->chip_name_size, gpiod_chip_info_get_name(info));
    }
    gpiod_chip_info_free(info);
    return found;
}

int poled_gpio_find_chip(const char *label, char *chip_name, size_t chip_name_size) {
    struct chip_search search = { .label = label, .chip_name = chip_name, .chip_name_size = chip_name_size };
    int open_error = 0;
    int result = each_chip(match_label, &search, &open_error);
    if (result == 1) {
        return 0;
    }
    return result < 0 ? result : (open_error != 0 ? open_error : -ENOENT);
}

int poled_gpio_find_line_on_chip(const char *chip_name, const char *name, unsigned *offset) {
    struct gpiod_chip *chip = open_by_name(chip_name);
    if (chip == NULL) {
        return failure();
    }
    errno = ENOENT;
    int found = gpiod_chip_get_line_offset_from_name(chip, name);
    int result = found >= 0 ? 0 : failure();
    if (found >= 0) {
        *offset = (unsigned)found;
    }
    gpiod_chip_close(chip);
    return result;
}

/// 1 when `chip` has the line searched for (writes the chip's name and label and the offset).
static int match_line(struct gpiod_chip *chip, void *context) {
    struct chip_search *search = context;
    int offset = gpiod_chip_get_line_offset_from_name(chip, search->line);
    if (offset < 0) {
        return errno == ENOENT ? 0 : failure();
    }
    struct gpiod_chip_info *info = gpiod_chip_get_info(chip);
    if (info == NULL) {
        return failure();
    }
    copy_text(search->chip_name, search->chip_name_size, gpiod_chip_info_get_name(info));
    copy_text(search->label_out, search->label_out_size, gpiod_chip_info_get_label(info));
    gpiod_chip_info_free(info);
    search->offset = (unsigned)offset;
    return 1;
}

int poled_gpio_find_line(const char *name, char *chip_name, size_t chip_name_size, char *label, size_t label_size,
                         unsigned *offset) {
    struct chip_search search = {
        .line = name, .chip_name = chip_name, .chip_name_size = chip_name_size, .label_out = label,
        .label_out_size = label_size,
    };
    int open_error = 0;
    int result = each_chip(match_line, &search, &open_error);
    if (result == 1) {
        *offset = search.offset;
        return 0;
    }
    return result < 0 ? result : (open_error != 0 ? open_error : -ENOENT);
}

int poled_gpio_chip_open(const char *chip_name, poled_gpio_chip **chip) {
    poled_gpio_chip *opened = malloc(sizeof *opened);
    if (opened == NULL) {
        return -ENOMEM;
    }
    opened->chip = open_by_name(chip_name);
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
    struct gpiod_line_info *info = gpiod_chip_get_line_info(chip->chip, offset);
    if (info == NULL) {
        return failure();
    }
    *used = gpiod_line_info_is_used(info) ? 1 : 0;
    copy_text(consumer, consumer_size, gpiod_line_info_get_consumer(info));
    gpiod_line_info_free(info);
    return 0;
}

int poled_gpio_request_lines(poled_gpio_chip *chip, const unsigned *offsets, unsigned count, const char *consumer,
                             int output, int active_low, int bias, const int *initial_values,
                             poled_gpio_request **request) {
    if (count == 0 || count > POLED_GPIO_REQUEST_LINES_MAX || (output && initial_values == NULL)) {
        return -EINVAL;
    }
    enum gpiod_line_bias line_bias;
    switch (bias) {
    case POLED_GPIO_BIAS_AS_IS: line_bias = GPIOD_LINE_BIAS_AS_IS; break;
    case POLED_GPIO_BIAS_DISABLED: line_bias = GPIOD_LINE_BIAS_DISABLED; break;
    case POLED_GPIO_BIAS_PULL_UP: line_bias = GPIOD_LINE_BIAS_PULL_UP; break;
    case POLED_GPIO_BIAS_PULL_DOWN: line_bias = GPIOD_LINE_BIAS_PULL_DOWN; break;
    default: return -EINVAL;
    }
    poled_gpio_request *made = calloc(1, sizeof *made);
    struct gpiod_line_settings *settings = gpiod_line_settings_new();
    struct gpiod_line_config *line_config = gpiod_line_config_new();
    struct gpiod_request_config *request_config = gpiod_request_config_new();
    int result = -ENOMEM;
    if (made == NULL || settings == NULL || line_config == NULL || request_config == NULL) {
        goto done;
    }
    errno = 0;
    if (gpiod_line_settings_set_direction(settings, output ? GPIOD_LINE_DIRECTION_OUTPUT : GPIOD_LINE_DIRECTION_INPUT) != 0
        || gpiod_line_settings_set_bias(settings, line_bias) != 0) {
        result = failure();
        goto done;
    }
    gpiod_line_settings_set_active_low(settings, active_low != 0);
    // One settings entry per line, each with its own initial value: the line is driven to it by the
    // request itself, never to anything else first.
    for (unsigned i = 0; i < count; i++) {
        if (output && gpiod_line_settings_set_output_value(
                          settings, initial_values[i] ? GPIOD_LINE_VALUE_ACTIVE : GPIOD_LINE_VALUE_INACTIVE) != 0) {
            result = failure();
            goto done;
        }
        if (gpiod_line_config_add_line_settings(line_config, &offsets[i], 1, settings) != 0) {
            result = failure();
            goto done;
        }
        made->offsets[i] = offsets[i];
    }
    made->count = count;
    gpiod_request_config_set_consumer(request_config, consumer);
    made->request = gpiod_chip_request_lines(chip->chip, request_config, line_config);
    result = made->request != NULL ? 0 : failure();
done:
    gpiod_request_config_free(request_config);
    gpiod_line_config_free(line_config);
    gpiod_line_settings_free(settings);
    if (result == 0) {
        *request = made;
    } else {
        free(made);
    }
    return result;
}

int poled_gpio_get_values(poled_gpio_request *request, int *values) {
    enum gpiod_line_value read[POLED_GPIO_REQUEST_LINES_MAX];
    if (gpiod_line_request_get_values_subset(request->request, request->count, request->offsets, read) != 0) {
        return failure();
    }
    for (unsigned i = 0; i < request->count; i++) {
        values[i] = read[i] == GPIOD_LINE_VALUE_ACTIVE ? 1 : 0;
    }
    return 0;
}

int poled_gpio_set_values(poled_gpio_request *request, const int *values) {
    enum gpiod_line_value written[POLED_GPIO_REQUEST_LINES_MAX];
    for (unsigned i = 0; i < request->count; i++) {
        written[i] = values[i] ? GPIOD_LINE_VALUE_ACTIVE : GPIOD_LINE_VALUE_INACTIVE;
    }
    return gpiod_line_request_set_values_subset(request->request, request->count, request->offsets, written) == 0
        ? 0 : failure();
}

void poled_gpio_release(poled_gpio_request *request) {
    gpiod_line_request_release(request->request);
    free(request);
}

#endif
