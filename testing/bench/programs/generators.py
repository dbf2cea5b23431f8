# Generators: pipelines of generator functions and expressions, send() and yield from.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    return (x for x in it if x % 2 == 0)


def chain(*its):
    for it in its:
        yield from it


def accumulator():
    total = 0
    while True:
        x = yield total
        total += x


total = sum(evens(squares(count(3000000))))
acc = accumulator()
next(acc)
for i in range(1000000):
    last = acc.send(i)
chained = sum(1 for _ in chain(count(500000), count(500000), (1 for _ in range(500000))))
print(total, last, chained)
