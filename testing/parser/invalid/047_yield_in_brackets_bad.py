x = [yield from]
