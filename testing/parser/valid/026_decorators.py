@dec
@dec.attr
@dec(1, k=2)
@dec[0]
@(lambda f: f)
@x if y else z
@a := b
def f():
    pass

@dataclass(frozen=True)
class C:
    pass

@d
async def g():
    pass
