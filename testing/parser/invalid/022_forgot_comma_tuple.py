x = (a b)
