été = 1
def café(naïve):
    π = 3
    return π + naïve + été
class K:
    __é = 1
