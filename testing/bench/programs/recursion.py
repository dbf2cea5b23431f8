# Deep and wide recursion: naive Fibonacci and the Ackermann function (call overhead).
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


print(fib(30), [ack(2, 300) for _ in range(10)][-1])
