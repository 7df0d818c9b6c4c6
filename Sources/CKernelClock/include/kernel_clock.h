// The kernel's clock-synchronisation state, for Swift (Glibc's module map leaves out <sys/timex.h>).
#ifndef POLED_KERNEL_CLOCK_H
#define POLED_KERNEL_CLOCK_H

/// 1 when the kernel considers the wall clock synchronised, 0 when adjtimex reports TIME_ERROR,
/// -1 when adjtimex fails (errno set).
int poled_kernel_clock_synchronised(void);

#endif
