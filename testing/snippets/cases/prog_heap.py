class MinHeap:
    def __init__(self): self.a = []
    def push(self, x):
        a = self.a; a.append(x); i = len(a) - 1
        while i and a[(i - 1) // 2] > a[i]:
            a[(i - 1) // 2], a[i] = a[i], a[(i - 1) // 2]; i = (i - 1) // 2
    def pop(self):
        a = self.a; top = a[0]; last = a.pop()
        if a:
            a[0] = last; i = 0
            while True:
                l, r, m = 2 * i + 1, 2 * i + 2, i
                if l < len(a) and a[l] < a[m]: m = l
                if r < len(a) and a[r] < a[m]: m = r
                if m == i: break
                a[m], a[i] = a[i], a[m]; i = m
        return top
    def __len__(self): return len(self.a)
h = MinHeap()
for x in [5, 3, 8, 1, 9, 2, 7, (4)]:
    h.push(x)
print([h.pop() for _ in range(len(h))])
