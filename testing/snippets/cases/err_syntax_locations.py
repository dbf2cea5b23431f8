# Where SyntaxErrors are placed: type, msg, lineno, offset, end_lineno, end_offset and text, for
# compile() in exec, eval and single modes (eval/single input gets no implicit final newline),
# errors found by the tokenizer and by the parser, str and bytes sources, exec() and eval().
def show(label, fn):
    try:
        fn()
        print(label, "ok")
    except SyntaxError as e:
        print(label, type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno,
              e.end_offset, repr(e.text))


SOURCES = [
    "1 +", "1 +\n", "1 +  ", "1 + # c", "x = 1 + # c\n", "(", "x = (", "x = (\n", "f(", "f(a,",
    "[1,", "[1, 2", "{", "x = {1:", "x = [1,\n2", "x = (\n1,\n", "\n(", "(1 +", "", "\n", "\n\n",
    "  ", "x\n  ", "lambda:", "x if y", "1 2", "1\n2 +", "x = 1", "import x", ")", "x = )",
    "'abc", "'''abc", "0777", "x = 00_12 + 1", "1_", "x\\y", "1 +\\\n", "x = \\", "x = 1 \\",
    "if x\n  y", "if x:", "if x:\n  y", "if x:\n  y\n", "for x in y: pass", "class A",
    "x = 1\ny = 2", "x = 1; y", "x = 1\n# c\n  \n", "if x:\n  y\nz", "  x", "x = 1\n  y = 2",
    "for x in y:\nz", "if 1:\n        a\n    b\n", "a\n\tb\n  c", "x = $", "del 1", "1 = x",
    "f(**x, *y)", "{1: *x}", "f(x for x in y, 1)", "print 'x'", "'\\N{foo}'", "f'{'",
    "f'{1 +}'", "f'{x!z}'", "x = 1 + \\\n    2 +\n", "s = 'a\\\nb' 1\n", "'é' + (", "é = (",
    "x = 'é' 1", "# coding: latin-1\nx = (", "x = 1 +\r\n", "1 +\r",
]
for src in SOURCES:
    for mode in ("exec", "eval", "single"):
        show(f"{src!r} {mode}", lambda: compile(src, "<s>", mode))

# bytes count offsets in bytes unless a coding declaration says otherwise; str in characters.
for src in [b"\xc3\xa9 = (\n", b"x = '\xc3\xa9' 1\n", b"# coding: utf-8\n\xc3\xa9 = (\n",
            b"# coding: latin-1\nx = '\xe9' 1\n", b"x = '\xff'\n"]:
    for mode in ("exec", "eval"):
        show(f"{src!r} {mode}", lambda: compile(src, "<s>", mode))

# exec() and eval() of str (eval strips leading blanks first).
for src in ["1 +", "  1 +", "\t1 +", "x = (", "(", "f(", "[1,", "1 2"]:
    show(f"eval {src!r}", lambda: eval(src))
    show(f"exec {src!r}", lambda: exec(src))

# A str's coding declaration and BOM are not looked at.
ns = {}
exec("# coding: latin-1\nx = 'é'", ns)
print(repr(ns["x"]))
show("bom", lambda: exec("\ufeffx = 1"))
