#ifndef RECUR_CPCRE2_SHIM_H
#define RECUR_CPCRE2_SHIM_H
// 32-bit code units: a str's code points are the subject's units, so PCRE2's offsets are
// Python's string indices (bytes patterns use one unit per byte).
#define PCRE2_CODE_UNIT_WIDTH 32
#include <pcre2.h>

// PCRE2_UNSET and PCRE2_ZERO_TERMINATED are casts Swift does not import.
static inline PCRE2_SIZE recur_pcre2_unset(void) { return PCRE2_UNSET; }
#endif
