# Argument-parsing messages of builtin functions and methods (args.cc's ParseArgs /
# CheckPositional / CheckNoKwargs as used by the builtins).
tests = ['"".split(1,2,3)', 'sorted([], foo=1)', 'int(x=1)', '"".startswith()', '"".split(sep=1, sep2=3)',
 '"".split("a", sep="b")', '"".encode(encoding=1, x=2)', 'int(1, 2, 3)', 'sorted()', '[].sort(1)',
 '"".replace("a")', '"".replace(old="a")', 'pow()', 'pow(1,2,3,4)', '[].index()', 'divmod(1)', 'getattr(1)',
 '"".splitlines(1,2)', 'int.from_bytes()', 'round(1, 2, 3)','round(number=1, x=2)',
 '"".expandtabs(x=1)', '[].sort(key=1,x=2)','"abc".count()','min()','max(x=1)','iter()','isinstance(1)','issubclass(1,2,3)', 'print(x=1)',
 'bytes(1,2,3,4)', 'str(1,2,3,4)', 'str(x=1)', 'dict.fromkeys()', '"".join()', '"".join(1,2)', 'list(1,2)', 'list(x=1)','tuple(x=1)', 'float(x=1)',
 'range()', 'complex(1, 2, 3)', '"".center()', 'sum()', 'sum(1,2,3)', 'sum([], strt=1)', 'sum(start=1)', '"".startswith(x=1)',
 '[].append()', '[].append(1, 2)', '{}.get()', '{}.pop()', 'len()', 'len(1, 2)', 'abs()', 'hash()', 'repr()', 'setattr(1, 2)',
 'sorted([], key=None, reverse=False, x=1)', 'min([], default=1, key=None, x=2)', '"".format_map()', 'dict(1, 2)', 'set(1, 2)',
 '"a".ljust()', '"a".zfill()', 'int.to_bytes(1)', '(1).to_bytes(length=1, byteorder="big", x=1)', 'zip(x=1)', 'map()', 'filter()',
 'bool(x=1)', 'type()', 'type(1, 2)', 'object(1)', 'next()', 'chr()', 'ord()', 'any()', 'all(1, 2)']
for t in tests:
    try: eval(t)
    except Exception as e: print(t, '->', type(e).__name__, e)
