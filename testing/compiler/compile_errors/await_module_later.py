import os
'héllo'; x = 1
await x
