// Debian's libmosquitto (libmosquitto1), loaded when the uplink starts instead of at every start
// of poled and polectl: a pole without an uplink never maps it, nor the TLS libraries it needs
// (libssl, libcrypto: about 1.8 MiB of resident memory). Types and constants are mosquitto.h's
// (libmosquitto-dev); each poled_mosquitto_* function calls the library's function of that name.
#ifndef POLED_MOSQUITTO_LOADER_H
#define POLED_MOSQUITTO_LOADER_H

#include <mosquitto.h>
#include <stdbool.h>

/// Loads libmosquitto.so.1 and runs mosquitto_lib_init, once (later calls give the first result):
/// NULL when the library is ready, else why it is not. The other functions need a ready library.
const char *poled_mosquitto_load(void);

struct mosquitto *poled_mosquitto_new(const char *id, bool clean_session, void *obj);
void poled_mosquitto_destroy(struct mosquitto *mosq);
void poled_mosquitto_user_data_set(struct mosquitto *mosq, void *obj);
void poled_mosquitto_connect_callback_set(struct mosquitto *mosq, void (*on_connect)(struct mosquitto *, void *, int));
void poled_mosquitto_disconnect_callback_set(struct mosquitto *mosq, void (*on_disconnect)(struct mosquitto *, void *, int));
void poled_mosquitto_publish_callback_set(struct mosquitto *mosq, void (*on_publish)(struct mosquitto *, void *, int));
void poled_mosquitto_log_callback_set(struct mosquitto *mosq, void (*on_log)(struct mosquitto *, void *, int, const char *));
int poled_mosquitto_int_option(struct mosquitto *mosq, enum mosq_opt_t option, int value);
int poled_mosquitto_reconnect_delay_set(struct mosquitto *mosq, unsigned int delay, unsigned int delay_max, bool exponential_backoff);
int poled_mosquitto_will_set(struct mosquitto *mosq, const char *topic, int payloadlen, const void *payload, int qos, bool retain);
int poled_mosquitto_username_pw_set(struct mosquitto *mosq, const char *username, const char *password);
int poled_mosquitto_tls_set(struct mosquitto *mosq, const char *cafile, const char *capath, const char *certfile,
                            const char *keyfile, int (*pw_callback)(char *buf, int size, int rwflag, void *userdata));
int poled_mosquitto_loop_start(struct mosquitto *mosq);
int poled_mosquitto_loop_stop(struct mosquitto *mosq, bool force);
int poled_mosquitto_connect_async(struct mosquitto *mosq, const char *host, int port, int keepalive);
int poled_mosquitto_disconnect(struct mosquitto *mosq);
int poled_mosquitto_publish(struct mosquitto *mosq, int *mid, const char *topic, int payloadlen, const void *payload,
                            int qos, bool retain);
const char *poled_mosquitto_strerror(int mosq_errno);
const char *poled_mosquitto_connack_string(int connack_code);

#endif
