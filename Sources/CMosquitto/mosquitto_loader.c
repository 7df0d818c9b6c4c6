#include "mosquitto_loader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// The library's functions, each with the prototype mosquitto.h gives it.
#define POLED_MOSQUITTO_FUNCTIONS(F)                                                                \
    F(lib_init) F(new) F(destroy) F(user_data_set) F(connect_callback_set)                         \
    F(disconnect_callback_set) F(publish_callback_set) F(log_callback_set) F(int_option) F(reconnect_delay_set)        \
    F(will_set) F(username_pw_set) F(tls_set) F(loop_start) F(loop_stop) F(connect_async)          \
    F(disconnect) F(publish) F(strerror) F(connack_string)

#define POLED_POINTER(name) static __typeof__(mosquitto_##name) *library_##name;
POLED_MOSQUITTO_FUNCTIONS(POLED_POINTER)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_problem;
static char load_message[256];

static void load(void) {
    void *library = dlopen("libmosquitto.so.1", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(load_message, sizeof load_message, "%s", dlerror());
        load_problem = load_message;
        return;
    }
#define POLED_RESOLVE(name)                                                                         \
    library_##name = (__typeof__(mosquitto_##name) *)dlsym(library, "mosquitto_" #name);         \
    if (library_##name == NULL) {                                                                 \
        snprintf(load_message, sizeof load_message, "libmosquitto.so.1 lacks mosquitto_" #name); \
        load_problem = load_message;                                                              \
        return;                                                                                   \
    }
    POLED_MOSQUITTO_FUNCTIONS(POLED_RESOLVE)
    int code = library_lib_init();
    if (code != MOSQ_ERR_SUCCESS) {
        snprintf(load_message, sizeof load_message, "mosquitto_lib_init: %s", library_strerror(code));
        load_problem = load_message;
    }
}

const char *poled_mosquitto_load(void) {
    pthread_once(&load_once, load);
    return load_problem;
}

struct mosquitto *poled_mosquitto_new(const char *id, bool clean_session, void *obj) {
    return library_new(id, clean_session, obj);
}

void poled_mosquitto_destroy(struct mosquitto *mosq) { library_destroy(mosq); }

void poled_mosquitto_user_data_set(struct mosquitto *mosq, void *obj) { library_user_data_set(mosq, obj); }

void poled_mosquitto_connect_callback_set(struct mosquitto *mosq, void (*on_connect)(struct mosquitto *, void *, int)) {
    library_connect_callback_set(mosq, on_connect);
}

void poled_mosquitto_disconnect_callback_set(struct mosquitto *mosq, void (*on_disconnect)(struct mosquitto *, void *, int)) {
    library_disconnect_callback_set(mosq, on_disconnect);
}

void poled_mosquitto_publish_callback_set(struct mosquitto *mosq, void (*on_publish)(struct mosquitto *, void *, int)) {
    library_publish_callback_set(mosq, on_publish);
}

void poled_mosquitto_log_callback_set(struct mosquitto *mosq, void (*on_log)(struct mosquitto *, void *, int, const char *)) {
    library_log_callback_set(mosq, on_log);
}

int poled_mosquitto_int_option(struct mosquitto *mosq, enum mosq_opt_t option, int value) {
    return library_int_option(mosq, option, value);
}

int poled_mosquitto_reconnect_delay_set(struct mosquitto *mosq, unsigned int delay, unsigned int delay_max, bool exponential_backoff) {
    return library_reconnect_delay_set(mosq, delay, delay_max, exponential_backoff);
}

int poled_mosquitto_will_set(struct mosquitto *mosq, const char *topic, int payloadlen, const void *payload, int qos, bool retain) {
    return library_will_set(mosq, topic, payloadlen, payload, qos, retain);
}

int poled_mosquitto_username_pw_set(struct mosquitto *mosq, const char *username, const char *password) {
    return library_username_pw_set(mosq, username, password);
}

int poled_mosquitto_tls_set(struct mosquitto *mosq, const char *cafile, const char *capath, const char *certfile,
                            const char *keyfile, int (*pw_callback)(char *buf, int size, int rwflag, void *userdata)) {
    return library_tls_set(mosq, cafile, capath, certfile, keyfile, pw_callback);
}

int poled_mosquitto_loop_start(struct mosquitto *mosq) { return library_loop_start(mosq); }

int poled_mosquitto_loop_stop(struct mosquitto *mosq, bool force) { return library_loop_stop(mosq, force); }

int poled_mosquitto_connect_async(struct mosquitto *mosq, const char *host, int port, int keepalive) {
    return library_connect_async(mosq, host, port, keepalive);
}

int poled_mosquitto_disconnect(struct mosquitto *mosq) { return library_disconnect(mosq); }

int poled_mosquitto_publish(struct mosquitto *mosq, int *mid, const char *topic, int payloadlen, const void *payload,
                            int qos, bool retain) {
    return library_publish(mosq, mid, topic, payloadlen, payload, qos, retain);
}

const char *poled_mosquitto_strerror(int mosq_errno) { return library_strerror(mosq_errno); }

const char *poled_mosquitto_connack_string(int connack_code) { return library_connack_string(connack_code); }
