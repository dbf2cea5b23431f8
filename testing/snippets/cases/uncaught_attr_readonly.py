(1).real = 2
