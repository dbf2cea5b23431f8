import os

def f():
    return os.getcwd()

class C:
    x = 1
    y = (
        2 3)
