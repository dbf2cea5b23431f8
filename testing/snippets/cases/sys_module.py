import sys
print(sys.argv[0].endswith(".py"), len(sys.argv), sys.version_info[:2], sys.version_info >= (3, 11))
print(sys.version_info.major, sys.maxsize, sys.byteorder, type(sys.path).__name__, "sys" in sys.modules)
print(sys.intern("abc") == "abc", sys.platform, sys.getrecursionlimit(), sys.maxunicode)
sys.stdout.write("w\n"); sys.stdout.flush()
print(sys.exc_info() == (None, None, None), callable(sys.exit), type(sys.stdout.write("")).__name__)
