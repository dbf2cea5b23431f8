class A:
    class B:
        def f(self, a=1, b):
            pass
