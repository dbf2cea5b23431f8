class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
        self.needed = needed
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner, self.balance = owner, balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("amount must be positive")
        self.balance += amt
        self.history.append(("dep", amt))
        return self
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds(amt - self.balance)
        self.balance -= amt
        self.history.append(("wd", amt))
        return self
    def __repr__(self):
        return f"Account(#{self.id}, {self.owner!r}, {self.balance:.2f})"
a = Account("ann", 100).deposit(50).withdraw(30)
print(a, a.history)
for op in [lambda: a.withdraw(500), lambda: a.deposit(-1)]:
    try:
        op()
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__, e, getattr(e, "needed", None))
print(Account("bob"), Account._next_id)
