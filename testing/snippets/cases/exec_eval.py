print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("[a for a in range(3)]"))
ns = {}
exec("def f(n):\n    return n + 1\ny = f(41)", ns)
print(ns["y"], sorted(k for k in ns if not k.startswith("__")))
code = compile("a + b", "<expr>", "eval")
print(eval(code, {"a": 1, "b": 2}), code.co_filename, type(code).__name__)
g = {"v": 1}
l = {"v": 2}
print(eval("v", g, l), eval("v", g))
exec("w = v * 10", g, l); print(l["w"])
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    exec("def f(:\n pass")
except SyntaxError as e:
    print(e.msg, e.lineno)
x = 5
print(eval("x + 1"), globals()["x"], "x" in locals())
