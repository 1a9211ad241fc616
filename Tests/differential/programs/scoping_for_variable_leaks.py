for i in range(4):
    pass
print(i)
def f():
    for j in []:
        pass
    return j
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
