def f(cmd):
    match cmd:
        case [x, *rest]:
            return x, rest
        case {"k": v, **others}:
            return v, others
        case Point(x=px, y=0) | Point(x=0, y=px) as p:
            return px, p
        case Color.RED:
            pass
        case None:
            pass
        case _ if guard(cmd):
            pass
