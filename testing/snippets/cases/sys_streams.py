# sys's streams and values: write results, attributes, version_info/flags reprs, limits.
import sys
n = sys.stdout.write("written\n")
print(n, sys.stdout.write(""), sys.stdout.write("é\n"))
print(sys.stdout.encoding, sys.stderr.encoding, sys.stdin.encoding, sys.stderr.errors)
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode, sys.stdin.mode)
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout.fileno(), sys.stderr.fileno())
print(repr(sys.stdout), sys.stdout is sys.__stdout__)
print(sys.stdout.isatty(), sys.stdin.read())
sys.stdout.buffer.write(b"bytes line\n")
sys.stdout.flush()
try:
    sys.stdout.write(1)
except TypeError as e:
    print(e)
print(sys.version_info, sys.version_info[:3], sys.version_info[3])
print(sys.version_info >= (3, 11), sys.version_info < (3, 12), tuple(sys.version_info))
print(sys.version_info.releaselevel, sys.version_info.serial, len(sys.version_info))
print(sys.version.startswith("3.11."), hex(sys.hexversion), sys.flags.optimize, sys.flags.debug)
print(sys.maxsize == 2**63 - 1, sys.maxunicode, sys.byteorder, sys.platform)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
for expr in ["sys.setrecursionlimit(0)", "sys.setrecursionlimit(1.5)", "sys.intern(1)",
             "sys.set_int_max_str_digits(5)", "sys._getframe(10000)", "sys.exit(3)"]:
    try:
        print(expr, "=>", eval(expr))
    except BaseException as e:
        print(expr, "!!", type(e).__name__, e)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits())
print(sys._getframe().f_code.co_name, sys.intern("ab" + "c") == "abc")
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, sys.exception() is v)
print(sys.exc_info())
print(type(sys.modules).__name__, sys.modules["sys"] is sys, "builtins" in sys.modules)
print(sys.getsizeof(1) > 0, sys.getrefcount(object()) >= 1, type(sys.argv).__name__)
print(sys.implementation.name == sys.implementation.name, sys.getdefaultencoding())
sys.displayhook(5)
sys.displayhook(None)
import builtins
print(builtins._)
try:
    print("ab\ud800\udc00c")
except UnicodeEncodeError as e:
    print(repr(e), e.start, e.end)
print("\U0001F600", "ü")
sys.stdout.writelines(["a\n", "b\n"]) if hasattr(sys.stdout, "writelines") else print("a\nb")
