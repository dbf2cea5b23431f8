people = [("ann", 31, "nyc"), ("bob", 25, "sf"), ("cy", 31, "la"), ("di", 25, "nyc")]
print(sorted(people, key=lambda p: (p[1], p[0])))
print(sorted(people, key=lambda p: p[2], reverse=True))
by_city = {}
for name, age, city in people:
    by_city.setdefault(city, []).append(name)
print(by_city)
print(max(people, key=lambda p: (p[1], p[0]))[0], min(p[1] for p in people))
print(list(map(lambda p: p[0].title(), people)), [p for p in people if p[1] > 30])
