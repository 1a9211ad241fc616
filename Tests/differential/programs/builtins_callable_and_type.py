print(callable(len), callable(lambda: 0), callable("s"), callable(int), type(len).__name__)
print(type(lambda: 0).__name__, type(print).__name__, type(int).__name__)
