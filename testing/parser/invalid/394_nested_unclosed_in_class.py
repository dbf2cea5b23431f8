class C:
    x = [1,
         2
    def f(self):
        pass
