def gen():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
g = gen()
next(g)
g.close()
