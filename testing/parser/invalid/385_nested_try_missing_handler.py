def f():
    try:
        try:
            pass
    except E:
        pass
