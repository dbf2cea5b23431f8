import os
'héllo'; x = 1
with a as *b:
    pass
