items = [1, 2, 3]
d = {"k": "v"}
print(f"{len(items)} {items[0] + items[-1]} {d['k']} {'yes' if items else 'no'} {[x * 2 for x in items]}")
print(f"{{literal}} {{{len(items)}}}")
w, p = 10, 3
print(f"{3.14159:{w}.{p}f}|")
