for seq in ([0], (0,), 'a', b'a'):
    try:
        seq * 2**63
    except OverflowError as e:
        print(type(seq).__name__, e)
