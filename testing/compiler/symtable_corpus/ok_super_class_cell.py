class A:
    def f(self):
        return super().f()
    def g(self):
        return __class__
    def h(self):
        def inner():
            return super()
        return inner
    __class__ = 5
def plain():
    return super()
