class A: pass
class B(): pass
class C(A, B, metaclass=M, **kw):
    '''doc'''
    x: int = 1
    y: 'str'
    def m(self): return self.x
    class Inner(*bases): pass
