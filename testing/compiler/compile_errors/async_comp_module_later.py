import os
'héllo'; x = 1
[x async for x in y]
