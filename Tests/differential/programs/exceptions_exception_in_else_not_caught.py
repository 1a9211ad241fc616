try:
    pass
except ValueError:
    print("no")
else:
    raise ValueError("from else")
