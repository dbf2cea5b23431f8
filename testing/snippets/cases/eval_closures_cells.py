# Cells and free variables: nonlocal, late binding, cell objects, deletion and errors.
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
print(type(c.__closure__[0]).__name__, c.__closure__[0].cell_contents, c.__code__.co_freevars)
print(counter.__code__.co_cellvars, counter.__code__.co_varnames)

fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])

def arg_cell(x):
    def get(): return x
    x += 1
    return get
print(arg_cell(10)())

def deleted():
    v = 1
    def get(): return v
    del v
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)
    try:
        print(v)
    except NameError as e:
        print(type(e).__name__, e)
deleted()

def unbound():
    try:
        print(w)
    except UnboundLocalError as e:
        print(e)
    w = 1
unbound()

def three():
    a = 1
    def two():
        b = 2
        def one():
            return a + b
        return one
    return two()()
print(three())

g = "global"
def reads_global():
    return g
def writes_global():
    global g
    g = "changed"
print(reads_global()); writes_global(); print(reads_global())

def gen_closure():
    total = 0
    def add(x):
        nonlocal total
        total += x
    for i in range(5):
        add(i)
    return total
print(gen_closure())

CellType = type(c.__closure__[0])
cell = CellType()
try:
    cell.cell_contents
except ValueError as e:
    print(e)
cell.cell_contents = 5
print(cell.cell_contents)

def comp_scope():
    x = 10
    return [x + y for y in range(3)], {y: x for y in "ab"}, list(x * y for y in range(2))
print(comp_scope())
try:
    del undefined_name
except NameError as e:
    print(e)
def del_local():
    q = 1
    del q
    try:
        del q
    except UnboundLocalError as e:
        print(e)
del_local()
