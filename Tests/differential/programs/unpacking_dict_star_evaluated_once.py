calls = []
def f():
    calls.append(1)
    return {"a": 1}
print({**f()}, len(calls))
print([*f()], len(calls))
