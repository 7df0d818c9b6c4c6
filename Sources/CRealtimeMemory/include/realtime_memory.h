// Memory set-up for a real-time thread, for Swift: Glibc's module map leaves out the GNU
// extensions used here (pthread_setattr_default_np, RUSAGE_THREAD).
#ifndef POLED_REALTIME_MEMORY_H
#define POLED_REALTIME_MEMORY_H

#include <stddef.h>

/// Makes `bytes` the stack size of threads created from now on without an explicit size (Dispatch's
/// workers, SQLite's and libmosquitto's threads). Returns 0, or the error number.
int poled_set_default_thread_stack_size(size_t bytes);

/// Keeps freed memory in the process (no trimming of the heap, no chunks of their own mapped and
/// unmapped by malloc), then locks all of the process's memory, now and to come, into RAM.
/// Returns 0, or mlockall's error number (EPERM without CAP_IPC_LOCK or LimitMEMLOCK, ENOMEM).
int poled_lock_memory(void);

/// Touches `bytes` of the calling thread's stack below the current frame, so those pages are
/// present (and, under mlockall, locked) before the thread needs them.
void poled_prefault_stack(size_t bytes);

/// The calling thread's page faults so far: minor (no I/O) and major (read from storage).
/// Returns 0, or -1 with errno set.
int poled_thread_page_faults(long *minor, long *major);

#endif
