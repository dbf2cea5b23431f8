# input() writes its prompt to stdout and raises EOFError at the end of stdin (the runner's
# stdin is empty); sys.stdin.readline() returns ''.
import sys
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
try:
    input("prompt> ")
except EOFError as e:
    print(repr(e))
try:
    input()
except EOFError as e:
    print(type(e).__name__, e)
