async def f():
    await x
    async for a in b:
        pass
    else:
        pass
    async with a as b, c:
        pass
    r = [i async for i in aiter() if await i]
    s = {k: v async for k, v in g()}
    t = (await z for z in w)
    u = [await q for q in r]
    return await (await f())
