class Ctx:
    def __enter__(self):
        print("enter")
        return "value"
    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None, exc)
        return False
with Ctx() as v:
    print("body", v)
try:
    with Ctx():
        raise ValueError("oops")
except ValueError as e:
    print("propagated", e)
