len(1.5)
