def repeat(times):
    def deco(fn):
        def wrapper(*args, **kwargs):
            return [fn(*args, **kwargs) for _ in range(times)]
        wrapper.__name__ = fn.__name__
        wrapper.__wrapped__ = fn
        return wrapper
    return deco
calls = []
def trace(fn):
    def wrapper(*a):
        calls.append((fn.__name__, a))
        return fn(*a)
    return wrapper
@repeat(3)
@trace
def greet(name):
    return f"hi {name}"
print(greet("x"), greet.__name__, calls)
class cached_property:
    def __init__(self, fn): self.fn = fn
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, cls):
        if obj is None: return self
        v = obj.__dict__[self.name] = self.fn(obj)
        return v
class Data:
    n = 0
    @cached_property
    def heavy(self):
        Data.n += 1
        return 42
d = Data(); print(d.heavy, d.heavy, Data.n)
