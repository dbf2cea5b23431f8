import os
'héllo'; x = 1
lambda: await x
