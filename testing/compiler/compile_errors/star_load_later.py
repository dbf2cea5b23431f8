import os
'héllo'; x = 1
x = *a
