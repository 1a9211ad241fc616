print(undefined_builtin_name(3))
