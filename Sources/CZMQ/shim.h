#ifndef VANTAGE_CZMQ_SHIM_H
#define VANTAGE_CZMQ_SHIM_H

#include <zmq.h>

/* ZMQ_VERSION is a composite macro that Swift cannot import. */
static inline int vantage_zmq_header_version(void) { return ZMQ_VERSION; }

#endif
