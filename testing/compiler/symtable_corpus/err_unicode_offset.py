# Offsets of symtable errors count UTF-8 bytes.
def f(éé, b):
    éé = 1; global éé
