out = []
for i in range(5):
    try:
        if i == 2:
            break
        out.append(i)
    finally:
        out.append("f" + str(i))
print(out)
