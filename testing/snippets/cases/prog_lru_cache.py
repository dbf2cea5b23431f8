class LRU:
    def __init__(self, cap):
        self.cap, self.data = cap, {}
    def get(self, k):
        if k not in self.data:
            return -1
        v = self.data.pop(k)
        self.data[k] = v
        return v
    def put(self, k, v):
        self.data.pop(k, None)
        self.data[k] = v
        if len(self.data) > self.cap:
            del self.data[next(iter(self.data))]
c = LRU(2)
c.put(1, 1); c.put(2, 2); print(c.get(1)); c.put(3, 3); print(c.get(2)); c.put(4, 4)
print(c.get(1), c.get(3), c.get(4), list(c.data))
memo = {}
def fib(n):
    if n in memo: return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r
print(fib(150))
