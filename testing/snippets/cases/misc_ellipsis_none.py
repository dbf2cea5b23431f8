print(..., Ellipsis, type(...).__name__, ... is Ellipsis, None, type(None).__name__, NotImplemented)
def stub(): ...
print(stub(), bool(None), repr(None), None == None, None != 0)
x = [1, ..., 3]
print(x, x[1] is Ellipsis)
