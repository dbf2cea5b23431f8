import os
'héllo'; x = 1
x = 1
from __future__ import annotations
