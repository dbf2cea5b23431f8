# c
  x = 1
