def pair():
    x = 0
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
get, set_ = pair()
set_(41)
print(get())
set_(get() + 1)
print(get())
