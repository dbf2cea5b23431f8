x = import(1)
