import os
'héllo'; x = 1
for *a in b:
    pass
