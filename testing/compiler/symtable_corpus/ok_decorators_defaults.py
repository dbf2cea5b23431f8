@deco(arg)
def f(a=default1, *, b=default2) -> ret:
    return a
@cls_deco
class C(Base, metaclass=Meta, **kw):
    pass
