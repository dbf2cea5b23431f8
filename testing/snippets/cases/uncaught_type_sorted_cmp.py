sorted([None, 1])
