#ifndef RECUR_COPENSSL_SHIM_H
#define RECUR_COPENSSL_SHIM_H
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#endif
