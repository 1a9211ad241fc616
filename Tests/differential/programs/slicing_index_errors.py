for seq in ["abc", [1, 2, 3], (1, 2, 3)]:
    try:
        seq[3]
    except IndexError as e:
        print(e)
s = "abc"
s[1] = "x"
