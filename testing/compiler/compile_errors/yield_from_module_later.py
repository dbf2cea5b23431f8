import os
'héllo'; x = 1
yield from x
