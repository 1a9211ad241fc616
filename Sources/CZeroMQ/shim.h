#ifndef RECUR_CZEROMQ_SHIM_H
#define RECUR_CZEROMQ_SHIM_H
#include <zmq.h>
#endif
