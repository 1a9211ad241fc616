#ifndef RECUR_CNUMPY_CPU_H
#define RECUR_CNUMPY_CPU_H

// The processor's vector extensions, asked once: each loop keeps the instruction set NumPy's
// own dispatch would pick, so the arithmetic (and its bits) stays NumPy's.

static inline int cnumpyHasAVX2(void) {
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi2");
    }
    return cached;
}

static inline int cnumpyHasFMA(void) {
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("fma");
    }
    return cached;
}

static inline int cnumpyHasAVX512(void) {
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = cnumpyHasAVX2() && __builtin_cpu_supports("avx512f");
    }
    return cached;
}

#endif
