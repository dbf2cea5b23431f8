# Method calls on objects: a small particle/account simulation with attribute access, properties
# and inheritance.
class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Body:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
        self.steps = 0

    def step(self):
        self.pos = self.pos.add(self.vel)
        self.steps += 1

    @property
    def energy(self):
        return self.vel.dot(self.vel)


class Damped(Body):
    def step(self):
        super().step()
        self.vel = self.vel.scale(0.999)


bodies = [Body(Vec(i, -i), Vec(1, 2)) if i % 2 else Damped(Vec(i, i), Vec(3, -1)) for i in range(50)]
total = 0.0
for _ in range(25000):
    for b in bodies:
        b.step()
    total += bodies[0].energy
print(round(total, 6), sum(b.steps for b in bodies), round(bodies[1].pos.x, 3))
