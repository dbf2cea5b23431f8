async def f(xs):
    async for x in xs:
        await x
    async with lock as held:
        pass
    return [y async for y in xs], (z async for z in xs)
async def g():
    return [await w for w in range(3)]
