import os
'héllo'; x = 1
async def f():
    yield from x
