import os
'héllo'; x = 1
def f(): pass
from __future__ import division
