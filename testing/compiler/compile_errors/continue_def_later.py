import os
'héllo'; x = 1
def f():
    continue
