class A:
    kind = "a"
    def get(self):
        return self.kind
class B(A):
    kind = "b"
print(A().get(), B().get())
