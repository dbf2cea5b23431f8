try:
  1/0
except Exception as e:
  raise KeyError('k') from e
