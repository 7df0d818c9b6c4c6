// GPIO lines through libgpiod, for Swift: one set of functions whose bodies are compiled for the
// libgpiod API that the installed <gpiod.h> declares, 1.x (Debian 12, Raspberry Pi OS bookworm:
// gpio_lines_v1.c) or 2.x (Debian 13, Raspberry Pi OS trixie: gpio_lines_v2.c). Swift sees only
// these functions and two opaque handles, never libgpiod's own types, so one Swift backend serves
// both. Every function returning int returns 0 on success and -errno on failure, so Swift never
// reads errno after other calls.
#ifndef POLED_GPIO_LINES_H
#define POLED_GPIO_LINES_H

#include <stddef.h>

/// An open GPIO chip.
typedef struct poled_gpio_chip poled_gpio_chip;
/// Lines of one chip requested together, for bulk reads and writes.
typedef struct poled_gpio_request poled_gpio_request;

/// The most lines one request holds (the kernel's GPIO_V2_LINES_MAX; libgpiod 1.x's bulk size).
#define POLED_GPIO_REQUEST_LINES_MAX 64

#define POLED_GPIO_BIAS_AS_IS 0
#define POLED_GPIO_BIAS_DISABLED 1
#define POLED_GPIO_BIAS_PULL_UP 2
#define POLED_GPIO_BIAS_PULL_DOWN 3

/// The major version of the libgpiod API compiled in: 1 or 2.
int poled_gpio_api_major(void);

/// The version of the libgpiod library loaded at run time ("1.6.3", "2.2.1").
const char *poled_gpio_library_version(void);

/// Finds the first chip, in /dev name order, whose label is `label`, and writes its device name
/// (`gpiochip0`). -ENOENT when no chip has that label.
int poled_gpio_find_chip(const char *label, char *chip_name, size_t chip_name_size);

/// Finds the line called `name` on chip `chip_name`. -ENOENT when the chip has no such line.
int poled_gpio_find_line_on_chip(const char *chip_name, const char *name, unsigned *offset);

/// Finds the line called `name` on any chip (the first, in /dev name order) and writes its chip's
/// device name and label. -ENOENT when no chip has it, or the error of a chip that could not be
/// opened (-EACCES), which may be the one that has it.
int poled_gpio_find_line(const char *name, char *chip_name, size_t chip_name_size, char *label, size_t label_size,
                         unsigned *offset);

/// Opens chip `chip_name` (a device in /dev).
int poled_gpio_chip_open(const char *chip_name, poled_gpio_chip **chip);

/// Closes a chip. Release its requests first: with libgpiod 1.x a request's lines belong to the chip.
void poled_gpio_chip_close(poled_gpio_chip *chip);

/// What the kernel says of line `offset` now: whether a consumer holds it, and its name (empty
/// when the kernel reports none).
int poled_gpio_line_usage(poled_gpio_chip *chip, unsigned offset, int *used, char *consumer, size_t consumer_size);

/// Requests `count` lines of `chip` together, all with the same direction, active-low flag and
/// `bias` (POLED_GPIO_BIAS_*). Outputs start at `initial_values` (logical levels, one per line),
/// which may be NULL for inputs.
int poled_gpio_request_lines(poled_gpio_chip *chip, const unsigned *offsets, unsigned count, const char *consumer,
                             int output, int active_low, int bias, const int *initial_values,
                             poled_gpio_request **request);

/// Reads every line of the request in one call, in request order, as 0 or 1.
int poled_gpio_get_values(poled_gpio_request *request, int *values);

/// Writes every line of an output request in one call, in request order.
int poled_gpio_set_values(poled_gpio_request *request, const int *values);

/// Releases the request's lines and frees it.
void poled_gpio_release(poled_gpio_request *request);

#endif
