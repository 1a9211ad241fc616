e = None
for i in range(10000):
    try:
        try:
            raise ValueError(i)
        finally:
            if e is not None:
                raise e
    except ValueError as caught:
        e = caught
print('chained')
