try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad config") from e
except ValueError as e:
    print(type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
