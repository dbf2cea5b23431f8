inventory = {}
def add(item, qty, price):
    entry = inventory.setdefault(item, {"qty": 0, "price": price})
    entry["qty"] += qty
    entry["price"] = price
def remove(item, qty):
    if item not in inventory:
        raise KeyError(item)
    if inventory[item]["qty"] < qty:
        raise ValueError(f"only {inventory[item]['qty']} {item} left")
    inventory[item]["qty"] -= qty
    if not inventory[item]["qty"]:
        del inventory[item]
add("pen", 10, 1.5); add("book", 2, 12.0); add("pen", 5, 1.25)
remove("book", 2)
for op in [lambda: remove("cup", 1), lambda: remove("pen", 99)]:
    try:
        op()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(inventory, sum(v["qty"] * v["price"] for v in inventory.values()))
