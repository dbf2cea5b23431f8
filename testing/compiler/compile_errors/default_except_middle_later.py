import os
'héllo'; x = 1
try:
    pass
except A:
    pass
except:
    pass
except B:
    pass
