def f():
  return gg
f()
