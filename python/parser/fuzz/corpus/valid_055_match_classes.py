match x:
    case C(): pass
    case C(1, 2): pass
    case C(a=1, b=2): pass
    case C(1, b=[2, 3]): pass
    case a.b.C(x, y=z): pass
    case C(a=1, a=2): pass
    case f(): pass
