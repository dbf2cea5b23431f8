import os
'héllo'; x = 1
class C:
    await x
