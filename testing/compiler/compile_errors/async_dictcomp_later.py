import os
'héllo'; x = 1
def f():
    return {x: 1 async for x in y}
