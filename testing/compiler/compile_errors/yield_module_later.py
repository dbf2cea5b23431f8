import os
'héllo'; x = 1
yield
