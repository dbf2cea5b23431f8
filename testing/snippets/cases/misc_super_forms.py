class A:
    def f(self): return "A.f"
    @classmethod
    def cm(cls): return f"A.cm({cls.__name__})"
class B(A):
    def f(self): return "B>" + super().f()
    @classmethod
    def cm(cls): return "B>" + super().cm()
class C(B):
    def f(self): return "C>" + super(C, self).f() + "|" + super(B, self).f()
print(C().f(), C.cm())
class Init:
    def __init__(self, *a, **k):
        super().__init__()
        self.a = a
print(Init(1, 2).a)
