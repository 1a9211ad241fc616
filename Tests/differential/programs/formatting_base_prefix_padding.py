# Zero and = padding after the sign and the base prefix; _ grouping by fours in bases.
for s in ["#010x", "#010b", "=+10x", "_b", "_o", "#_X", "010", "=10"]:
    print(repr(format(-255, s)), repr(format(4095, s)))
try:
    format(255, ",x")
except ValueError as e:
    print(e)
print(repr(format(0, "#06x")), repr(format(0x10, "#6x")), repr(format(-1.5, "=8")))
