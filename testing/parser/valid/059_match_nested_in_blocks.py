def f(cmd):
    for c in cmd:
        match c.split():
            case ['go', direction] if direction in DIRS:
                return direction
            case ['drop', *objects]:
                for o in objects:
                    match o:
                        case Item(name=n):
                            pass
            case _:
                pass
