match x:
    case 1 | 2 | 3: pass
    case (1 | 2) as y: pass
    case [a, b] as c if a > b: pass
    case {'k': (1 | 2) as v} if v: pass
    case a | b: pass
    case (a): pass
