def read(lines):
    for line in lines:
        yield line.strip()
def nonempty(lines):
    for line in lines:
        if line:
            yield line
def upper(lines):
    for line in lines:
        yield line.upper()
print(list(upper(nonempty(read([" a ", "", "b", "  ", "c "])))))
