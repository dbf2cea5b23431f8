def top(a):
    b = a
    return b
class top:
    c = 1
