print(f"{65:c} {97:c} {10:#o} {10:#X} {-10:x} {-10:#b} {0:#x}")
print(format(255, "08b"), format(255, "#010x"), format(-255, "#010x"))
