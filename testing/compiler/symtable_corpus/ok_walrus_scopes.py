def f(items):
    if any((hit := x) > 1 for x in items):
        return hit
    return [last := y for y in items], last
[z := w for w in range(3)]
def g():
    global gz
    [gz := v for v in range(2)]
class C:
    def m(self):
        return [(mm := 1) for _ in range(1)]
