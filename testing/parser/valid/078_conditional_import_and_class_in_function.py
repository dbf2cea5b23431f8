def outer():
    import os
    class Local:
        def m(self):
            def inner():
                return lambda: os
            return inner
    return Local
