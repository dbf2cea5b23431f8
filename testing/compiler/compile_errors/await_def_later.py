import os
'héllo'; x = 1
def f():
    await x
