x = "global"
def f():
    x = "local"
    def g():
        return x
    return g()
print(f(), x)
class C:
    x = "class"
    def m(self):
        return x
    y = [x for _ in range(1)]
print(C().m(), C.y)
def h():
    try:
        print(z)
    except NameError as e:
        print(e)
h()
def u():
    print(loc)
    loc = 1
try:
    u()
except UnboundLocalError as e:
    print(type(e).__name__, e)
