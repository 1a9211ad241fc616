class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super(B, self).who()
print(B().who())
