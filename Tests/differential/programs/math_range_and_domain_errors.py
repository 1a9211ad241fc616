import math
cases = [("exp", (1000,)), ("exp", (-1000,)), ("exp", (float('inf'),)), ("exp", (float('nan'),)), ("sin", (float('inf'),)),
         ("cos", (float('-inf'),)), ("tan", (float('inf'),)), ("tanh", (1e308,)), ("sqrt", (-1.0,)), ("sqrt", (float('inf'),)),
         ("pow", (10.0, 400)), ("pow", (-1.0, 0.5)), ("pow", (0.0, -1.0)), ("pow", (0.0, float('-inf'))), ("pow", (2.0, float('inf'))),
         ("pow", (float('nan'), 0)), ("pow", (1.0, float('nan'))), ("log", (0.0,)), ("log10", (-1,)), ("atan", (float('inf'),)),
         ("fabs", (float('-inf'),)), ("log2", (float('inf'),))]
for name, args in cases:
    try:
        print(name, args, getattr(math, name)(*args))
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(name, args, type(e).__name__, e)
