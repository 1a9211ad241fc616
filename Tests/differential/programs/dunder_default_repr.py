class Plain:
    pass
r = repr(Plain())
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"))
print(str(Plain()) == repr(Plain()) or "differ-by-address")
