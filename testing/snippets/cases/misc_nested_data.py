data = {"users": [{"name": "a", "roles": ["admin", "dev"]}, {"name": "b", "roles": []}], "count": 2}
print(data["users"][0]["roles"][1], len(data["users"][1]["roles"]), [u["name"] for u in data["users"] if u["roles"]])
matrix = [[0] * 3 for _ in range(3)]
matrix[1][1] = 5
print(matrix)
shared = [[0] * 3] * 3
shared[1][1] = 5
print(shared)
import sys
print(sorted(data), data.get("missing", {}).get("deep", "none"))
