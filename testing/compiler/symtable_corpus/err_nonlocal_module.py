# nonlocal at module level is found by the analysis, at the statement.
print(1)
nonlocal x
