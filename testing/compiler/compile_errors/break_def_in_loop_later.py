import os
'héllo'; x = 1
for x in y:
    def f():
        break
