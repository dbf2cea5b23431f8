match x:
    case {}: pass
    case {'a': 1, 'b': b}: pass
    case {1: _, **rest}: pass
    case {a.b: c, None: d, -1: e, 2j: f}: pass
    case {1: a, 1: b}: pass
