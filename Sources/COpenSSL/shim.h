#ifndef RECUR_COPENSSL_SHIM_H
#define RECUR_COPENSSL_SHIM_H
/* HMAC is built on OpenSSL's SHA-256 functions, which OpenSSL 3 marks deprecated in favour
   of EVP: EVP loads the provider machinery and its algorithm tables, about 1.8 MiB of
   libcrypto kept resident for one digest. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/sha.h>
#endif
