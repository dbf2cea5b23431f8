format(1, 5)
