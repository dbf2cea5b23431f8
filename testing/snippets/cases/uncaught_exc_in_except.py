try:
  1/0
except Exception:
  undefined_x
