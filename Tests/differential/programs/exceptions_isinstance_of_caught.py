try:
    {}["k"]
except Exception as e:
    print(isinstance(e, KeyError), isinstance(e, LookupError), isinstance(e, IndexError), isinstance(e, BaseException))
