async with a:
    pass
