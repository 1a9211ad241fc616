for s in ["", " ", "1.5", "1e3", "0x10", "12a", "--1", "1__0", "_1"]:
    try:
        print(int(s))
    except ValueError as e:
        print(e)
