d = {"a": 1}
print(f"{d['a']:>3}", f'{d["a"]}', f"{format(3.14159, '.1f')}", f"{'{}'.format(1)}")
