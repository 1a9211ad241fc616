for s in ["123", "\u00b2", "\u0663", "\u2155", "\u2460", "x1", ""]:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric())
