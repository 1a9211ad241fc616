import torch
g=torch.Generator()
for x in ["g.manual_seed()", "g.manual_seed(1,2)", "g.manual_seed(seed=1)", "g.initial_seed(1)", "g.seed(1)", "g.get_state(1)", "g.set_state()", "g.initial_seed(x=1)", "torch.Size([2,3]).numel(1)", "torch.Size([2,3]).count()", "torch.Size([2,3]).index()"]:
    try: eval(x)
    except TypeError as e: print(x, "->", e)
print(g.manual_seed(3).initial_seed(), torch.Size([2,3]).numel(), torch.Size([2,3]).index(3), torch.Size([2,3]).count(3))
print(torch.Size([2,3]).numel.__name__, g.device)
