def run(program):
    stack, pc, out = [], 0, []
    while pc < len(program):
        op, *arg = program[pc].split()
        pc += 1
        match op:
            case "push": stack.append(int(arg[0]))
            case "add": b, a = stack.pop(), stack.pop(); stack.append(a + b)
            case "mul": b, a = stack.pop(), stack.pop(); stack.append(a * b)
            case "dup": stack.append(stack[-1])
            case "jnz":
                if stack.pop(): pc = int(arg[0])
            case "dec": stack[-1] -= 1
            case "print": out.append(stack[-1])
            case "swap": stack[-1], stack[-2] = stack[-2], stack[-1]
            case _: raise ValueError(f"bad op {op}")
    return out, stack
prog = ["push 1", "push 5", "swap", "print", "swap", "dup", "push 0", "add", "swap", "push 2", "mul", "swap", "dec", "dup", "jnz 2"]
print(run(["push 2", "push 3", "add", "print", "push 4", "mul", "print"]))
try:
    run(["nop"])
except ValueError as e:
    print(e)
