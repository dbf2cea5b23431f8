[1, 2].index(5)
