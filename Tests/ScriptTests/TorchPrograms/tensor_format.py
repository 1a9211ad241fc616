import torch

x = torch.tensor(2.5)
print(f"{x}", "{}".format(x), format(x), f"{x:.3f}", f"{x:>8}")
print(f"{torch.tensor(0.1)}", f"{torch.tensor(3)}", f"{torch.tensor(True)}", f"{torch.tensor(7):04d}")
print(f"{torch.tensor([1.0, 2.0])}")
print("loss: %.4f" % torch.tensor(0.12345), "{:.2%}".format(torch.tensor(0.5)))
try:
    f"{torch.ones(2):.2f}"
except TypeError as e:
    print("TypeError", e)
