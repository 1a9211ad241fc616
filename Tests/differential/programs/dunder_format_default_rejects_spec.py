class Plain:
    def __str__(self):
        return "plain"
print(f"{Plain()}", format(Plain()))
f"{Plain():>10}"
