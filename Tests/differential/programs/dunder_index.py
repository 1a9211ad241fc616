class Two:
    def __index__(self):
        return 2
print([10, 20, 30][Two()], "abc"[Two()], range(10)[Two()], hex(Two()), bin(Two()))
