transitions = {("idle", "start"): "running", ("running", "pause"): "paused", ("paused", "resume"): "running",
               ("running", "stop"): "idle", ("paused", "stop"): "idle"}
def machine(events):
    state = "idle"
    log = []
    for ev in events:
        nxt = transitions.get((state, ev))
        if nxt is None:
            log.append(f"ignored {ev} in {state}")
            continue
        log.append(f"{state} -{ev}-> {nxt}")
        state = nxt
    return state, log
final, log = machine(["start", "pause", "start", "resume", "stop", "stop"])
print(final)
print("\n".join(log))
