class A: pass
A.b
