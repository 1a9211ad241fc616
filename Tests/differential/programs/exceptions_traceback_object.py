def inner():
    raise ValueError("deep")


def outer():
    inner()


try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(type(e.__traceback__).__name__, lines)
    print(e.__traceback__.tb_lineno, e.__traceback__.tb_next.tb_lineno, e.__traceback__.tb_next.tb_next.tb_lineno)

try:
    [][1]
except IndexError as e:
    print(e.__traceback__.tb_next, e.__traceback__.tb_lineno)


def gen():
    try:
        yield 1
        1 / 0
    except ZeroDivisionError as e:
        yield e.__traceback__.tb_lineno


print(list(gen()))
print(ValueError("fresh").__traceback__)
