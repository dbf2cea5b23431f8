while (line := f.readline()) != '':
    if not line.strip():
        continue
else:
    done = True
