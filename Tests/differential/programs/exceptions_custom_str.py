class Oops(Exception):
    def __str__(self):
        return "custom message"
try:
    raise Oops("ignored")
except Oops as e:
    print(e, e.args)
raise Oops()
