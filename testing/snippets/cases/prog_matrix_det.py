def det(m):
    n = len(m)
    if n == 1: return m[0][0]
    if n == 2: return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** c * m[0][c] * det([row[:c] + row[c + 1:] for row in m[1:]]) for c in range(n))
print(det([[1, 2], [3, 4]]), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[i + j * 4 for i in range(4)] for j in range(4)]))
hilbert = [[1 / (i + j + 1) for j in range(4)] for i in range(4)]
print(round(det(hilbert) * 1e7, 6))
