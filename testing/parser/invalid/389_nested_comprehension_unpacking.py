x = [[*y for y in z] for z in w]
