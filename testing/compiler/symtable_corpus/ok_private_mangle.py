class _Klass:
    __a = 1
    __b__ = 2
    def __m(self, __p):
        import os.__x
        return [__q for __q in __p] + self.__a
    class __Nested:
        __deep = 3
class ___:
    __not_mangled = 1
