import os
'héllo'; x = 1
*a = b
