import os
'héllo'; x = 1
async for a in b:
    pass
