class C:
    def f(self):
        return f'{self.x!z}'
