#include "kernel_clock.h"

#include <sys/timex.h>

int poled_kernel_clock_synchronised(void) {
    struct timex status = {0};
    status.modes = 0; // read only: nothing is adjusted
    int state = adjtimex(&status);
    if (state == -1) {
        return -1;
    }
    return state == TIME_ERROR ? 0 : 1;
}
