def read_lines():
    for i in range(1, 21):
        yield f"line {i}: value={i * i}"
def parse(lines):
    for l in lines:
        k, v = l.split(": ")
        yield int(k.split()[1]), int(v.split("=")[1])
def evens(pairs):
    return ((k, v) for k, v in pairs if k % 2 == 0)
def take(n, it):
    for _, x in zip(range(n), it):
        yield x
print(list(take(4, evens(parse(read_lines())))))
print(sum(v for _, v in parse(read_lines())))
def chunks(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield buf; buf = []
    if buf: yield buf
print(list(chunks(range(10), 4)))
