import os
'héllo'; x = 1
async with a:
    pass
