def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
m = [[1, 2], [3, 4]]
p = identity(2)
for _ in range(10):
    p = matmul(p, m)
print(p)
print(list(zip(*[[1, 2, 3], [4, 5, 6]])), [[0.5 * x for x in r] for r in m])
