class A:
    count = 0
    @staticmethod
    def s(x): return x * 2
    @classmethod
    def c(cls, x): return (cls.__name__, x)
    @classmethod
    def make(cls):
        cls.count += 1
        return cls()
class B(A): pass
print(A.s(2), A().s(3), A.c(1), B.c(2), B().c(3), type(B.make()).__name__, B.count, A.count)
print(type(A.__dict__["s"]).__name__, type(A.__dict__["c"]).__name__, callable(A.__dict__["s"]))
