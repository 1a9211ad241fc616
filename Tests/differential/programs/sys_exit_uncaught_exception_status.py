print("partial output")
raise KeyError("boom")
