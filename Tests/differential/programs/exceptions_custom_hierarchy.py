class AppError(Exception):
    pass
class DbError(AppError):
    pass
class NetError(AppError):
    pass
for cls in [DbError, NetError, AppError]:
    try:
        raise cls("failure in " + cls.__name__)
    except (DbError, NetError) as e:
        print("specific", e)
    except AppError as e:
        print("generic", e)
