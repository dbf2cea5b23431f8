try:
    continue
finally:
    pass
