import os
'héllo'; x = 1
def f():
    async for a in b:
        pass
