def f(): pass
from __future__ import division
