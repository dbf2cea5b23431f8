data = [1, 2]
squares = [x * x for x in data if x]
unique = {x for x in data}
mapping = {k: v for k, v in zip(data, data)}
gen = (x for x in data for y in range(x) if y)
nested = [[y for y in range(x)] for x in data]
def f(n):
    return [n + i for i in range(n)]
