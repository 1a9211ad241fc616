def make(tag):
    class Tagged:
        def label(self):
            return tag
    return Tagged
A = make("a")
B = make("b")
print(A().label(), B().label())
