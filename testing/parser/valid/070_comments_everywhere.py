x = [  # comment
    1,  # one
    # alone
    2,
]  # after
def f(  # c
    a,  # c
):  # c
    # c
    pass  # c
# trailing