match x:
    case {f"a{x}": 1}:
        pass
