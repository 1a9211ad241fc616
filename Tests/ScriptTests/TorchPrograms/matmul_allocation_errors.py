import torch

# Operands with a zero inner size can ask for a product too big for memory: PyTorch's
# allocator error, never an abort.
for a, b in [((2**31, 0), (0, 3)), ((3, 0), (0, 2**31))]:
    try:
        torch.zeros(*a) @ torch.zeros(*b)
    except RuntimeError as e:
        print(str(e)[:120])
print((torch.zeros(2**31, 0) @ torch.zeros(0, 0)).shape)
print(torch.mm(torch.zeros(2, 0), torch.zeros(0, 3)))
