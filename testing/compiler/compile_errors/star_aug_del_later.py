import os
'héllo'; x = 1
del *a, b
