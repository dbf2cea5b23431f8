import os
'héllo'; x = 1
try:
    continue
finally:
    pass
