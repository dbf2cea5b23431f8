async def f():
    return [[j async for j in i] async for i in x for y in z if y async for w in v]
