class A:
  def __iter__(self): return 1
iter(A())
