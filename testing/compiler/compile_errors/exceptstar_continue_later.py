import os
'héllo'; x = 1
while 1:
    try:
        pass
    except* E:
        continue
