class Queue:
    def __init__(self): self.items, self.head = [], 0
    def put(self, x): self.items.append(x)
    def get(self):
        if self.head >= len(self.items):
            raise IndexError("get from empty queue")
        x = self.items[self.head]; self.head += 1
        return x
    def __len__(self): return len(self.items) - self.head
q = Queue()
t, served, waits = 0, 0, []
arrivals = [(i * 37) % 11 for i in range(30)]
for tick, a in enumerate(arrivals):
    for _ in range(a % 3):
        q.put(tick)
    if len(q):
        waits.append(tick - q.get()); served += 1
print(served, len(q), sum(waits), max(waits))
try:
    Queue().get()
except IndexError as e:
    print(e)
