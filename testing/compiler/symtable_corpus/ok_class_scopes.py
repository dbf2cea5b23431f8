x = 1
class C:
    x = 2
    y = x
    def method(self):
        return x, y
    def uses_self(self):
        return self.x
    class Inner:
        z = y
