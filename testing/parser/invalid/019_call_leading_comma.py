f(,a)
