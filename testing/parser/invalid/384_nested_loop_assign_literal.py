for a in b:
    while c:
        if d:
            1 = e
