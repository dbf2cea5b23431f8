def classify(x):
    try:
        if x == 0:
            raise ZeroDivisionError("zero")
        if x < 0:
            raise ValueError("negative")
        result = 10 / x
    except ZeroDivisionError as e:
        return f"zde:{e}"
    except (ValueError, TypeError) as e:
        return f"vt:{type(e).__name__}:{e}"
    else:
        return f"ok:{result}"
    finally:
        print("checked", x)
for v in [0, -1, 4, "s"]:
    try:
        print(classify(v))
    except TypeError as e:
        print("escaped", e)
