class C:
    @property
    @
    def f(self):
        pass
