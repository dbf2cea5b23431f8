import os
'héllo'; x = 1
if x:
    break
