class C:
    def __str__(self):
        return "S"
    def __repr__(self):
        return "R"
print(C(), [C()], (C(),), {"k": C()}, str([C()]), f"{C()} {[C()]}")
