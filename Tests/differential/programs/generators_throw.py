def gen():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("handled", e)
g = gen()
next(g)
print(g.throw(ValueError("boom")))
print(next(g))
