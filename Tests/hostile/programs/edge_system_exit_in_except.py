try:
    raise SystemExit(3)
except BaseException as e:
    print(type(e).__name__)
