def outer():
    def inner():
        return value
    value = "late"
    return inner()
print(outer())
