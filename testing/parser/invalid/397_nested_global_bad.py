def f():
    def g():
        global a.b
