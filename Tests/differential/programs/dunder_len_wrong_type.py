class Bad:
    def __len__(self):
        return "3"
len(Bad())
