// Unix-socket calls Glibc's Swift module leaves out because they need _GNU_SOURCE
// (SO_PEERCRED's struct ucred, accept4).
#ifndef POLED_UNIX_SOCKET_H
#define POLED_UNIX_SOCKET_H

#include <stdint.h>

/// The connected peer's user, group and process, from SO_PEERCRED. Returns 0, or -1 with errno set.
int poled_peer_credentials(int fd, uint32_t *uid, uint32_t *gid, int32_t *pid);

/// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC. Returns the new descriptor, or -1 with errno set.
int poled_accept_nonblocking(int listener);

/// pipe2 with O_NONBLOCK | O_CLOEXEC. Returns 0, or -1 with errno set.
int poled_pipe_nonblocking(int fds[2]);

#endif
