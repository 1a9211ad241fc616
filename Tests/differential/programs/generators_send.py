def echo():
    received = yield "ready"
    while True:
        received = yield "got " + str(received)
g = echo()
print(next(g))
print(g.send(1))
print(g.send("x"))
