for a b:
    pass
