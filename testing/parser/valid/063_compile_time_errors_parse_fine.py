def f(a, a): pass
f(a=1, a=2)
return 1
yield 2
await x
break
continue
nonlocal q
from __future__ import braces
__debug__ = 1
def g():
    x = 1
    global x
class C:
    return 1
