#define _GNU_SOURCE
#include "realtime_memory.h"

#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/resource.h>

int poled_set_default_thread_stack_size(size_t bytes) {
    pthread_attr_t attributes;
    int error = pthread_getattr_default_np(&attributes);
    if (error != 0) {
        return error;
    }
    error = pthread_attr_setstacksize(&attributes, bytes);
    if (error == 0) {
        error = pthread_setattr_default_np(&attributes);
    }
    pthread_attr_destroy(&attributes);
    return error;
}

int poled_lock_memory(void) {
    // Memory given back to the kernel would fault again when malloc wants it back.
    mallopt(M_TRIM_THRESHOLD, -1);
    mallopt(M_MMAP_MAX, 0);
    return mlockall(MCL_CURRENT | MCL_FUTURE) == 0 ? 0 : errno;
}

// Not inlined, so the array lives in a frame of its own below the caller's; `volatile` so the
// writes are not optimised away.
__attribute__((noinline)) void poled_prefault_stack(size_t bytes) {
    volatile unsigned char *stack = __builtin_alloca(bytes);
    // From the frame down, as the stack grows.
    for (size_t offset = bytes; offset >= 4096; offset -= 4096) {
        stack[offset - 1] = 0;
    }
}

int poled_thread_page_faults(long *minor, long *major) {
    struct rusage usage;
    if (getrusage(RUSAGE_THREAD, &usage) != 0) {
        return -1;
    }
    *minor = usage.ru_minflt;
    *major = usage.ru_majflt;
    return 0;
}
