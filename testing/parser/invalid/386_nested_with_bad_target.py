async def f():
    async with a as (b, 1):
        pass
