class EventBus:
    def __init__(self):
        self.handlers = {}
    def on(self, name):
        def register(fn):
            self.handlers.setdefault(name, []).append(fn)
            return fn
        return register
    def emit(self, name, *args, **kw):
        return [h(*args, **kw) for h in self.handlers.get(name, [])]
bus = EventBus()
@bus.on("greet")
def hello(who, punct="!"):
    return f"hello {who}{punct}"
@bus.on("greet")
def shout(who, punct="!"):
    return f"HEY {who.upper()}{punct * 2}"
print(bus.emit("greet", "bob"), bus.emit("greet", who="ann", punct="?"), bus.emit("none"))
print(hello("direct"), hello.__name__, len(bus.handlers["greet"]))
