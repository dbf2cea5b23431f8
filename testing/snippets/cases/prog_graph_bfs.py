graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
def bfs(start, goal):
    queue = [[start]]
    seen = {start}
    while queue:
        path = queue.pop(0)
        if path[-1] == goal:
            return path
        for nxt in graph[path[-1]]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(path + [nxt])
def dfs(node, visited=None):
    visited = [] if visited is None else visited
    visited.append(node)
    for n in graph[node]:
        if n not in visited:
            dfs(n, visited)
    return visited
print(bfs("a", "f"), dfs("a"))
def topo():
    indeg = {k: 0 for k in graph}
    for vs in graph.values():
        for v in vs: indeg[v] += 1
    ready = sorted(k for k, d in indeg.items() if d == 0)
    order = []
    while ready:
        n = ready.pop(0); order.append(n)
        for v in graph[n]:
            indeg[v] -= 1
            if indeg[v] == 0: ready.append(v)
    return order
print(topo())
