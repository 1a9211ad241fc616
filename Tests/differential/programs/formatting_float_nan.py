nan = float("nan")
print(nan, repr(nan), nan == nan, nan != nan, nan is nan, [nan] == [nan], f"{nan:.2f}", f"{float('inf'):e}")
