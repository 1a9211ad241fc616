#include <fenv.h>
#include "CNumPy.h"

/* fenv.h's FE_* macros are not usable from Swift: they are mapped to fixed bits here. */
static const int flags[4] = {FE_DIVBYZERO, FE_OVERFLOW, FE_UNDERFLOW, FE_INVALID};

void recur_numpy_fp_clear(void) { feclearexcept(FE_ALL_EXCEPT); }

int recur_numpy_fp_test(void) {
    int raised = fetestexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID);
    int bits = 0;
    for (int k = 0; k < 4; k++) {
        if (raised & flags[k]) bits |= 1 << k;
    }
    return bits;
}

void recur_numpy_fp_lower(int bits) {
    for (int k = 0; k < 4; k++) {
        if (bits & (1 << k)) feclearexcept(flags[k]);
    }
}

void recur_numpy_fp_raise(int bits) {
    for (int k = 0; k < 4; k++) {
        if (bits & (1 << k)) feraiseexcept(flags[k]);
    }
}
