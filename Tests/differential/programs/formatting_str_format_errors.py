for fmt, args, kw in [("{} {}", ("a",), {}), ("{x}", (), {}), ("{0} {}", (1, 2), {}), ("{", (), {})]:
    try:
        print(fmt.format(*args, **kw))
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__, e)
