counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def outer():
    x = 0
    def a():
        nonlocal x
        x += 1
    def b():
        nonlocal x
        x *= 10
    a(); b(); a()
    return x
print(outer())
def make():
    global made
    made = "yes"
make()
print(made)
def shadow():
    counter = "local"
    return counter
print(shadow(), counter)
