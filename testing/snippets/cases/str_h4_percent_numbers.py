vals = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.14159265358979, 1e16, 1.23e-7, 123456789.123, float('inf'), float('-inf'), float('nan'), 1e300, 5e-324, 7, -3, True]
specs = ['%f', '%.0f', '%.1f', '%.10f', '%e', '%.0e', '%#.0e', '%E', '%g', '%.0g', '%#g', '%.10g', '%G', '%10.2f', '%-10.2e|', '%+g', '% g', '%010.1f', '%#x' if False else '%d', '%5.3s', '%r', '%F', '%+010.2F', '%08.3e', '% 012g']
for v in vals:
    print(' '.join(s % v for s in specs))
for v in [0, 1, -1, 255, -255, 2**64, -2**70, True, 3.7, -3.7]:
    print(' '.join(s % v for s in ['%d', '%5d', '%-5d|', '%05d', '%+d', '% d', '%.3d', '%x', '%#x', '%#X', '%o', '%#o', '%#10x', '%-#10o|', '%#010x', '%+#o', '%u', '%i'] if not (isinstance(v, float) and s[-1] in 'xXo')))
