#ifndef POLED_LIBFUZZER_DRIVER_H
#define POLED_LIBFUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that keep their own main (clang's "Using libFuzzer as a
/// library"): parses libFuzzer's flags from argc/argv and fuzzes `callback` until told to stop.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
