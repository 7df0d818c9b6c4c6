// `poled run` blocks SIGINT, SIGTERM and SIGHUP before main: from the process's first instruction
// they stay pending until the control loop takes them between ticks (ProcessSignals), so a SIGTERM
// during start-up (Swift's runtime, argument parsing, the store's integrity check) still ends in
// exit 0 with every output driven safe, never in the default action's exit 143. Every thread
// started later inherits the mask. Other subcommands (simulate, soak, check-config, ...) keep the
// default actions, so Ctrl-C stops them.
#include <signal.h>
#include <string.h>

// glibc passes argc, argv and envp to ELF constructors.
__attribute__((constructor(101))) static void poled_block_stop_signals(int argc, char **argv, char **envp) {
    (void)envp;
    if (argc < 2 || strcmp(argv[1], "run") != 0) return;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, 0);
}
