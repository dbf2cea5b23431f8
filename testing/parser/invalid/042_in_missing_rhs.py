x = a in
