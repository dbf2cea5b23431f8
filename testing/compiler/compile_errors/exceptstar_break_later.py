import os
'héllo'; x = 1
for x in y:
    try:
        pass
    except* E:
        break
