(x for in y)
