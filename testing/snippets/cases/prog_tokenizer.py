def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            tokens.append(("NUM", float(src[i:j]) if "." in src[i:j] else int(src[i:j])))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            tokens.append(("ID", src[i:j])); i = j
        else:
            tokens.append(("OP", c)); i += 1
    return tokens
def parse_expr(toks):
    def expr(i):
        v, i = term(i)
        while i < len(toks) and toks[i][1] in "+-":
            op = toks[i][1]; r, i = term(i + 1)
            v = v + r if op == "+" else v - r
        return v, i
    def term(i):
        v, i = atom(i)
        while i < len(toks) and toks[i][1] in "*/":
            op = toks[i][1]; r, i = atom(i + 1)
            v = v * r if op == "*" else v / r
        return v, i
    def atom(i):
        kind, val = toks[i]
        if val == "(":
            v, i = expr(i + 1)
            return v, i + 1
        return val, i + 1
    return expr(0)[0]
src = "3 + 4 * (2 - 1.5) / 2 + x1"
print(tokenize(src))
print(parse_expr(tokenize("3 + 4 * (2 - 1.5) / 2")), parse_expr(tokenize("(1+2)*(3+4)")))
