# Closures and keyword calls: counters in closures, functions with defaults and keyword-only
# parameters, *args/**kwargs forwarding.
def make_counter(step=1):
    n = 0

    def inc(times=1):
        nonlocal n
        n += step * times
        return n

    return inc


def area(width, height=1, *, scale=1.0, offset=0):
    return width * height * scale + offset


def forward(*args, **kwargs):
    return area(*args, **kwargs)


counters = [make_counter(s) for s in range(1, 6)]
total = 0.0
for i in range(500000):
    c = counters[i % 5]
    total += c() + c(times=2)
    total += area(i, height=2, scale=0.5) + area(width=3, offset=i)
    total += forward(i, 3, scale=2.0)
print(total, [c(0) for c in counters])
