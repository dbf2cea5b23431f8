# Edge cases of the builtin functions: numeric helpers, attribute functions, iteration,
# min/max/sum/sorted, formatting, __import__, print and compile; values or exception messages.
tests = [
 "round(2.675, 2)", "round(-1.5)", "round(1e300)", "round(float('inf'))", "round(5, -1)", "round(15, -1)", "round(1.5, None)",
 "divmod(5.5, -2)", "divmod(-7, 2)", "divmod(7, 0)", "divmod(2**70, 3)", "pow(2, 0.5)", "pow(-8, 1/3)", "pow(0, -1)", "pow(2, 3, 0)", "pow(2, -1, 5)", "pow(2.0, 3, 5)",
 "abs(-0.0)", "abs(True)", "abs(-2**80)", "abs(3+4j)",
 "chr(0x110000)", "chr(-1)", "chr(True)", "ord('')", "ord(b'ab')", "ord(bytearray(b'z'))",
 "hex(True)", "bin(0)", "oct(-0)", "hex(3.0)",
 "hash(-1)", "hash(1.5)", "hash(())", "hash('a') == hash('a')", "hash([])", "hash({})",
 "isinstance(1, (int, (str, float)))", "isinstance(1, [int])", "issubclass(1, int)", "issubclass(int, (str, object))",
 "getattr(1, 2)", "getattr(1, 'x', 3, 4)", "hasattr(1, 2)", "setattr(1, 'x', 2)", "delattr(1, 'real')",
 "next(iter([]), None)", "next(5)", "iter(5)", "iter(5, 5)", "list(iter(lambda: 1, 1))",
 "sum([[1]], [])", "sum(range(5), start=-10)", "sum([1.5, 2**63])", "sum([0.1, 0.2, 0.3])",
 "min('b', 'a', key=str.upper)", "max([], default=None)", "min(1, 2, 3, key=lambda x: -x)", "max(iter([]))",
 "sorted([3, 1, 2], reverse=1)", "sorted([3, 1, 2], reverse=1.5)", "sorted('bca', key=None)",
 "any(x for x in [])", "all(iter([1, 1]))", "len(range(10**20))", "len({1: 2})", "len(5)",
 "repr(None)", "ascii('\\x00é\\U0001F600')", "format(1234567, ',')", "format(0.5, '%')", "format([], '')", "format([], 'x')",
 "callable(None)", "callable(int)", "callable(lambda: 1)", "id(None) == id(None)",
 "vars(1)", "dir(None)[:3]", "sorted(vars(type('T', (), {'a': 1})).keys())[:2]",
 "__import__('nosuchmod')", "__import__('')", "__import__('sys', level=-1)", "__import__('gc', fromlist=['x']).__name__",
 "print('a', 'b', sep='', end='|')", "print(1, file=None)", "print(end=5)",
 "eval('[x for x in range(3)]')", "eval('lambda: 1')()", "exec('pass') is None",
 "compile('x=1', 'f', 'exec').co_filename", "compile('1', 'f', 'eval', dont_inherit=True).co_name",
]
for t in tests:
    try:
        print(t, "=>", repr(eval(t)))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
