# SystemExit raised from a nested call, through finally blocks, with a code of None.
import sys
def inner():
    try:
        sys.exit()
    finally:
        print("finally ran")
try:
    inner()
except SystemExit as e:
    print("caught", e.code, repr(e))
try:
    sys.exit(7)
except SystemExit as e:
    print("code", e.code)
try:
    exit(2)
except SystemExit as e:
    print("exit()", e.code)
print("leaving")
sys.exit(0)
