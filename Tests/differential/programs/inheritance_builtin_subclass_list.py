class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1)
s.push(2)
print(s, len(s), s.peek(), isinstance(s, list))
