def f():
    global é, b
    nonlocal 日
