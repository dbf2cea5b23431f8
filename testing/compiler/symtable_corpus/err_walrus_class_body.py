class C:
    data = [y := 0 for i in range(3)]
