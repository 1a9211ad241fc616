class Node:
    def __init__(self, nxt):
        self.nxt = nxt
n = None
for _ in range(300000):
    n = Node(n)
print(n.nxt is not None)
n = None
