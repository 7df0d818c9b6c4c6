// Debian's libmosquitto (libmosquitto-dev): the uplink's MQTT 3.1.1 client.
#include <mosquitto.h>
