import torch
w = torch.ones(2,3)
print(w.new(2,3).zero_(), w.new(), w.new([1,2]), w.new(torch.Size([2])).shape, w.new((2,3)))
i = torch.tensor([1,2])
print(i.new(3).zero_(), i.new([1.5]))
print(w.new(torch.tensor([1.,2])))
