pass; pass; x = 1;
if x: pass; y = 2;
while 0: break; continue
