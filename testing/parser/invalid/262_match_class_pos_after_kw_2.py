match x:
    case C(a=1, b=2, [c]):
        pass
