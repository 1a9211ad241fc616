class Bad:
    def __len__(self):
        return -1
len(Bad())
