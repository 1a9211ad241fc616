class C:
    pass
C()()
