def inner():
    try:
        raise KeyError("inner")
    except ValueError:
        print("not here")
def outer():
    try:
        inner()
    except KeyError as e:
        print("outer caught", e)
        return "recovered"
print(outer())
