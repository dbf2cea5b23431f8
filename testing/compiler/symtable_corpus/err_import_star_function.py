def f():
    from os.path import *
