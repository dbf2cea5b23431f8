import os
'héllo'; x = 1
try:
    pass
except:
    pass
except E:
    pass
