def risky(kind):
    if kind == 1:
        return [][1]
    if kind == 2:
        return {}["x"]
    return int("?")
for k in (1, 2, 3):
    try:
        risky(k)
    except (IndexError, KeyError) as e:
        print("lookup", type(e).__name__)
    except ValueError as e:
        print("value", type(e).__name__)
