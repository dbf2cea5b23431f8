import sys
print(1, 2, 3, sep=" | ")
print("a", end="")
print("b", end="\n\n")
print(*["x", "y"], sep="")
print("err line", file=sys.stderr)
print("flushed", flush=True)
print(None, sep=None, end=None)
sys.stderr.write("last stderr line\n")
