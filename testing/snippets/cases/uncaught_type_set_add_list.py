s = set(); s.add([])
