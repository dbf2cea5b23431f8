import os
'héllo'; x = 1
class C:
    return 1
