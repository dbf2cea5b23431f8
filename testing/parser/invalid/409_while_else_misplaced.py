while x:
    pass
else if y:
    pass
