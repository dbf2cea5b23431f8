def dump(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v: return "{}"
        items = [f'{pad}  "{k}": {dump(x, indent + 1)}' for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(dump(x, indent) for x in v) + "]"
    if isinstance(v, str):
        return '"' + v.replace('"', '\\"') + '"'
    if v is None: return "null"
    if isinstance(v, bool): return "true" if v else "false"
    return repr(v)
doc = {"name": "pyrite", "version": [0, 1], "tags": ("fast", "c++"), "meta": {"ok": True, "x": None, "pi": 3.14}, "empty": {}}
print(dump(doc))
