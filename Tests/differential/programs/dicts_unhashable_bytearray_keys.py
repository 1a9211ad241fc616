for k in [bytearray(b"a"), (1, bytearray(b"a")), b"a", (1, b"a")]:
    try:
        print({k: 1}, k in {b"a"}, hash(k) == hash(k))
    except TypeError as e:
        print("TypeError", e)
