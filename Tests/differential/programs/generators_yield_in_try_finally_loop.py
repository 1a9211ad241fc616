def gen():
    for i in range(3):
        try:
            yield i
        finally:
            print("finally", i)
for v in gen():
    print("got", v)
