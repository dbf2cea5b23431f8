class K:
    """doc string"""
    attr = 1
    def method(self): pass
print(K.__name__, K.__qualname__, K.__doc__, K.attr, "method" in K.__dict__, K.__module__)
k = K()
k.attr = 2
print(k.attr, K.attr, k.__dict__, type(k) is K, k.__class__.__name__)
K.new_attr = "added"
print(k.new_attr, getattr(K, "missing", "default"), hasattr(K, "method"))
def outside(self): return "bound later"
K.later = outside
print(k.later())
class Inner:
    class Nested:
        pass
print(Inner.Nested.__qualname__, Inner.Nested.__name__)
