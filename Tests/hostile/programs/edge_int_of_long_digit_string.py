s = '9' * 100000
print(len(str(int(s))))
