# Prepare a time series with NumPy (normalise, cut sliding windows, split), train a GRU to
# forecast the next value, and report errors back in NumPy, the way forecasting tutorials
# for beginners do it.
import numpy as np
import torch
import torch.nn as nn

np.random.seed(42)
torch.manual_seed(42)

t = np.arange(0, 120, dtype=np.float64)
series = np.sin(t * 0.2) * 10 + t * 0.05 + np.random.normal(0, 0.5, size=t.shape)
print('series', series.shape, series.dtype, 'mean %.3f std %.3f' % (series.mean(), series.std()))

mean, std = series[:90].mean(), series[:90].std()
scaled = (series - mean) / std


def make_windows(data, window):
    xs, ys = [], []
    for i in range(len(data) - window):
        xs.append(data[i:i + window])
        ys.append(data[i + window])
    return np.array(xs), np.array(ys)


X, y = make_windows(scaled, 12)
print('windows', X.shape, y.shape)
split = 80
X_train = torch.from_numpy(X[:split]).float().unsqueeze(-1)
y_train = torch.from_numpy(y[:split]).float().unsqueeze(-1)
X_test = torch.tensor(X[split:], dtype=torch.float32).unsqueeze(-1)
y_test = y[split:]
print(X_train.shape, X_train.dtype, y_train.shape)


class Forecaster(nn.Module):
    def __init__(self, hidden=16):
        super().__init__()
        self.gru = nn.GRU(1, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        output, h = self.gru(x)
        return self.out(output[:, -1, :])


model = Forecaster()
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
loss_fn = nn.MSELoss()
for epoch in range(1, 41):
    permutation = torch.randperm(split)
    for i in range(0, split, 20):
        idx = permutation[i:i + 20]
        optimizer.zero_grad()
        loss = loss_fn(model(X_train[idx]), y_train[idx])
        loss.backward()
        optimizer.step()
    if epoch % 10 == 0:
        print('Epoch %d, train MSE %.5f' % (epoch, loss_fn(model(X_train), y_train).item()))

model.eval()
with torch.no_grad():
    pred = model(X_test).squeeze(-1).numpy()
pred_real = pred * std + mean
true_real = y_test * std + mean
mae = np.mean(np.abs(pred_real - true_real))
rmse = np.sqrt(np.mean((pred_real - true_real) ** 2))
print('test MAE %.3f, RMSE %.3f' % (mae, rmse))
print(np.round(pred_real[:5], 2))
print(np.round(true_real[:5], 2))
print(type(pred).__name__, pred.dtype, pred.shape)
