try:
  pass
finally:
  [][1]
