import os
'héllo'; x = 1
def f():
    try:
        pass
    except* E:
        return 1
