/* hilwire: the guest's stand-in for wiring and a scope, for the hardware-in-the-loop harness.
 *
 *   hilwire mirror VALUE PULL [VALUE PULL ...]
 *       forever: copy each output line's value (gpio-sim sim_gpioN/value) to an input line's pull,
 *       as the floor lamps' sense wiring does on a pole (checked every millisecond)
 *   hilwire step [PULL LEVEL ...] -- VALUE EXPECTED TIMEOUT_MS
 *       write each PULL (pull-up / pull-down), then wait until VALUE reads EXPECTED; prints the
 *       milliseconds it took; exit 0 if it did within TIMEOUT_MS, else 1
 *   hilwire toggles VALUE DURATION_MS
 *       prints how many times VALUE changed within DURATION_MS
 *   hilwire record NAME=VALUE [NAME=VALUE ...]
 *       forever: print "MICROSECONDS NAME LEVEL" (CLOCK_MONOTONIC) for each line's value when it
 *       starts and at every change, checked every 0.2 ms; a recorder started before poled sees
 *       everything poled drives, from before its exec on
 *   hilwire now
 *       prints CLOCK_MONOTONIC in microseconds (the clock of systemd's *TimestampMonotonic
 *       properties and of ftrace's `mono` trace clock), for the systemd harness's shell scripts
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static int read_value(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(2); }
    int c = fgetc(f);
    fclose(f);
    return c == '1';
}

static void write_text(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    if (!f) { perror(path); exit(2); }
    fputs(text, f);
    fclose(f);
}

static void nap_ms(long ms) {
    struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&t, 0);
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "now") == 0) {
        printf("%lld\n", now_us());
        return 0;
    }
    if (argc >= 4 && strcmp(argv[1], "mirror") == 0 && argc % 2 == 0) {
        int pairs = (argc - 2) / 2;
        int *last = calloc(pairs, sizeof *last);
        for (int i = 0; i < pairs; i++) last[i] = -1;
        for (;;) {
            for (int i = 0; i < pairs; i++) {
                int v = read_value(argv[2 + 2 * i]);
                if (v != last[i]) {
                    write_text(argv[3 + 2 * i], v ? "pull-up" : "pull-down");
                    last[i] = v;
                }
            }
            nap_ms(1);
        }
    }
    if (argc >= 5 && strcmp(argv[1], "step") == 0) {
        int i = 2;
        while (i + 1 < argc && strcmp(argv[i], "--") != 0) {
            write_text(argv[i], argv[i + 1]);
            i += 2;
        }
        if (i + 3 >= argc || strcmp(argv[i], "--") != 0) {
            fprintf(stderr, "hilwire step: expected -- VALUE EXPECTED TIMEOUT_MS\n");
            return 2;
        }
        const char *path = argv[i + 1];
        int expected = atoi(argv[i + 2]);
        long long timeout = atoll(argv[i + 3]) * 1000;
        long long start = now_us();
        for (;;) {
            long long elapsed = now_us() - start;
            if (read_value(path) == expected) { printf("%lld\n", elapsed / 1000); return 0; }
            if (elapsed > timeout) { printf("%lld\n", elapsed / 1000); return 1; }
            nap_ms(1);
        }
    }
    if (argc == 4 && strcmp(argv[1], "toggles") == 0) {
        long long end = now_us() + atoll(argv[3]) * 1000;
        int last = read_value(argv[2]), changes = 0;
        while (now_us() < end) {
            int v = read_value(argv[2]);
            if (v != last) { changes++; last = v; }
            nap_ms(1);
        }
        printf("%d\n", changes);
        return 0;
    }
    if (argc >= 3 && strcmp(argv[1], "record") == 0) {
        int count = argc - 2;
        const char **names = calloc(count, sizeof *names);
        const char **paths = calloc(count, sizeof *paths);
        int *last = calloc(count, sizeof *last);
        for (int i = 0; i < count; i++) {
            char *equals = strchr(argv[2 + i], '=');
            if (equals == NULL) {
                fprintf(stderr, "hilwire record: expected NAME=VALUE, got %s\n", argv[2 + i]);
                return 2;
            }
            *equals = '\0';
            names[i] = argv[2 + i];
            paths[i] = equals + 1;
            last[i] = -1;
        }
        setvbuf(stdout, NULL, _IOLBF, 0);
        for (;;) {
            for (int i = 0; i < count; i++) {
                int v = read_value(paths[i]);
                if (v != last[i]) {
                    printf("%lld %s %d\n", now_us(), names[i], v);
                    last[i] = v;
                }
            }
            struct timespec t = { 0, 200000L };
            nanosleep(&t, 0);
        }
    }
    fprintf(stderr, "usage: hilwire mirror VALUE PULL ... | step [PULL LEVEL ...] -- VALUE EXPECTED TIMEOUT_MS | toggles VALUE MS"
                    " | record NAME=VALUE ... | now\n");
    return 2;
}
