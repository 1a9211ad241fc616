g = 5
del g
try:
    g
except NameError as e:
    print(e)
