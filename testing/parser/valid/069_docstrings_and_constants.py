'''module doc'''
def f():
    '''function doc'''
    b'bytes doc'
    1
    ...
class C:
    r'''raw doc \n'''
