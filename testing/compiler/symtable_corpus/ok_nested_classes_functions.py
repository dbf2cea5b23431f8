def factory(base):
    class Made(base):
        attr = base
        def method(self):
            return base, attr
    return Made
