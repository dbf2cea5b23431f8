import sys
class Shape:
    def area(self): raise NotImplementedError
    def __lt__(self, other): return self.area() < other.area()
    def __repr__(self): return f"{type(self).__name__}(area={self.area():.2f})"
class Rect(Shape):
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
class Square(Rect):
    def __init__(self, s): super().__init__(s, s)
class Circle(Shape):
    def __init__(self, r): self.r = r
    def area(self): return 3.141592653589793 * self.r ** 2
shapes = [Rect(2, 3), Square(2), Circle(1), Circle(0.5)]
print(sorted(shapes), max(shapes), sum(s.area() for s in shapes))
try:
    Shape().area()
except NotImplementedError as e:
    print("abstract", repr(e))
print([type(s).__mro__[1].__name__ for s in shapes])
