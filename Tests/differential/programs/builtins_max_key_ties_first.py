print(max(["ab", "cd", "e"], key=len), min(["ab", "cd", "e", "f"], key=len))
