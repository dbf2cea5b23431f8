f(x y=2)
