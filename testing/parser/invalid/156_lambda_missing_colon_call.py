f(lambda x)
