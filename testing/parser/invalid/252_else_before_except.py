try:
    pass
else:
    pass
except E:
    pass
