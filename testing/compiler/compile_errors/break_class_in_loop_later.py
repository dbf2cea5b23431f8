import os
'héllo'; x = 1
while 1:
    class C:
        break
