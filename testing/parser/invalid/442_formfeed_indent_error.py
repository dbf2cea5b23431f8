if x:
    a
  b
