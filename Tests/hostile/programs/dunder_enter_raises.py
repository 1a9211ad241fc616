class Hostile:
    def __enter__(self):
        raise OSError('enter')
    def __exit__(self, *a):
        print('exit must not run')
with Hostile():
    print('body must not run')
