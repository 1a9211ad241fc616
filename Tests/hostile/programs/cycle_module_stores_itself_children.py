import torch.nn as nn
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.me = self
m = M()
print(len(list(m.children())), len(list(m.named_parameters())))
m.zero_grad()
m.train()
m.eval()
