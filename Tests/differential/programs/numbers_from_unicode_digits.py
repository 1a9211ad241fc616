# int() and float() read any Unicode decimal digits and spaces, as CPython does.

for text in ["١٢٣", "  ४२\u2003", "-３４", "٣.١٤", "１e３", "\u00a0７\u3000", "١_٢٣", "x١", "١٢٣x"]:
    for convert in (int, float):
        try:
            print(convert.__name__, repr(text), convert(text))
        except ValueError as e:
            print(convert.__name__, repr(text), "ValueError:", e)

print(int("ff", 16), int("٠x１f", 0), int("１０", 2))
