# Exceptions: raising and catching in loops, custom exception classes, try/finally, with.
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class Guard:
    count = 0

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        Guard.count += 1
        return et is KeyError


def risky(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 3 == 1:
        return {}["missing"] if i % 2 else i
    return i


caught = 0
codes = 0
finals = 0
for i in range(600000):
    try:
        with Guard():
            risky(i)
    except AppError as e:
        caught += 1
        codes += e.code
    finally:
        finals += 1
    try:
        int("x" if i % 5 == 0 else "5")
    except ValueError:
        caught += 1
print(caught, codes, finals, Guard.count)
