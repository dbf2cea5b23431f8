def f(x):
    for y in x:
        match y:
            case {**a, **b}:
                pass
