# The first program the README runs.
print("Hello from Pyrite!")
