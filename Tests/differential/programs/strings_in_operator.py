print("ell" in "hello", "" in "abc", "z" not in "abc", "A" in "abc")
1 in "abc"
