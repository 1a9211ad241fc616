class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:.2f}"
m = Money(1234)
print(f"{m}", f"{m:short}", format(m, ""), "{:short}".format(m))
