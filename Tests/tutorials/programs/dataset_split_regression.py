# A Dataset of noisy sequences, random_split into train and validation, DataLoaders with a
# seeded generator, an LSTM regressor trained with early stopping on the validation loss,
# as the "training loop" chapters of PyTorch courses lay it out.
import copy

import torch
import torch.nn as nn
from torch.utils.data import Dataset, DataLoader, TensorDataset, random_split

torch.manual_seed(123)


class SumDataset(Dataset):
    """The target is the sum of each sequence's first feature."""

    def __init__(self, n, length):
        self.x = torch.randn(n, length, 2)
        self.y = self.x[:, :, 0].sum(dim=1, keepdim=True)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


dataset = SumDataset(60, 6)
train_set, val_set = random_split(dataset, [0.75, 0.25], generator=torch.Generator().manual_seed(0))
print(len(train_set), len(val_set), val_set.indices[:5])
train_loader = DataLoader(train_set, batch_size=9, shuffle=True, drop_last=True)
val_loader = DataLoader(val_set, batch_size=15)
print(len(train_loader), len(val_loader))
xb, yb = next(iter(val_loader))
print(xb.shape, yb.shape)


class LSTMRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(input_size=2, hidden_size=12, num_layers=1, batch_first=True)
        self.linear = nn.Linear(12, 1)

    def forward(self, x):
        x, _ = self.lstm(x)
        return self.linear(x[:, -1, :])


model = LSTMRegressor()
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
loss_fn = nn.SmoothL1Loss()
best_val, best_weights, patience, bad_epochs = float('inf'), None, 3, 0
for epoch in range(30):
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        val_loss = sum(loss_fn(model(xb), yb).item() * len(xb) for xb, yb in val_loader) / len(val_set)
    print(f'epoch {epoch:02d} train {loss.item():.4f} val {val_loss:.4f}')
    if val_loss < best_val - 1e-3:
        best_val, bad_epochs = val_loss, 0
        best_weights = copy.deepcopy(model.state_dict())
    else:
        bad_epochs += 1
        if bad_epochs >= patience:
            print('early stopping at epoch', epoch)
            break

model.load_state_dict(best_weights)
print(f'best validation loss {best_val:.4f}')
x_all = torch.stack([dataset[i][0] for i in range(3)])
print(model(x_all).detach().squeeze(), dataset.y[:3].squeeze())

tensors = TensorDataset(torch.arange(10.).view(5, 2), torch.arange(5))
for a, b in DataLoader(tensors, batch_size=2):
    print(a.tolist(), b.tolist())
