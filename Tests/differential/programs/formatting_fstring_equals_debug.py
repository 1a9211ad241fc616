x = 5
name = "n"
print(f"{x=}", f"{x + 1=}", f"{name=}", f"{x = }", f"{x=:03d}")
