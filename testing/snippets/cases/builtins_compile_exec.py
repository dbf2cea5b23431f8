# exec, eval and compile: namespaces, modes, code objects, __builtins__ and SyntaxError fields.
print(eval("1 + 2"), eval("x * 2", {"x": 21}), eval("  7"), eval("y", {}, {"y": 3}))
g = {}
exec("y = 5\ndef f(): return y + 1", g)
print(g["y"], g["f"](), type(g["__builtins__"]).__name__)
loc = {}
exec("z = 9", {}, loc)
print(loc)
c = compile("a + 1", "<x>", "eval")
print(type(c).__name__, eval(c, {"a": 1}))
c = compile("print('from exec', q)", "<y>", "exec")
exec(c, {"q": 4})
c = compile(b"r = 2 ** 5", "<bytes>", "exec")
ns = {}
exec(c, ns)
print(ns["r"])
compile("1", "f", "single")
def scope():
    w = 10
    return eval("w + 1")
print(scope())
for src, mode in [("x = (", "exec"), ("a b", "exec"), ("if 1:\n  x\n y\n", "exec"),
                  ("def f():\n    return\nreturn 1", "exec"), ("1 +", "eval"),
                  ("f(**x, *y)", "exec"), ("\tx", "exec"), ("x = 1", "eval")]:
    try:
        compile(src, "fn", mode)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text),
              e.end_lineno, e.end_offset)
for expr in ["compile('x', 'f', 'bad')", "exec(1)", "eval(1)", "exec('1', 1)", "eval('1', 1)",
             "eval('1', {}, 1)", "exec('1', {}, 1)", "compile(1, 'f', 'exec')",
             "compile('x\\0y', 'f', 'exec')", "eval('undefined_name')"]:
    try:
        print(expr, "=>", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)
