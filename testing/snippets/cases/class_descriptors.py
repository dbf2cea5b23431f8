class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"
class C:
    x = Typed()
    y = NonData()
c = C(); c.x = 5
print(c.x, C.x.__class__.__name__, c.y)
c.__dict__["y"] = "instance wins"
print(c.y)
try:
    c.x = "a"
except TypeError as e:
    print(e)
class P:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val * 2
    @v.deleter
    def v(self): print("deleting")
p = P(); p.v = 4; print(p.v); del p.v
class RO:
    @property
    def r(self): return 1
try:
    RO().r = 2
except AttributeError as e:
    print(e)
