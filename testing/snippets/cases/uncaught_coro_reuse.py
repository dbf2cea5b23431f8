async def c(): return 1
x = c()
try:
  x.send(None)
except StopIteration: pass
x.send(None)
