import os
'héllo'; x = 1
async def f():
    def g():
        await x
