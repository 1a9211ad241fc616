import numpy as np
import torch
import torch.nn as nn
# Character-level data as the "hihell -> ihello" tutorials build it.
idx2char = ['h', 'i', 'e', 'l', 'o']
x_data = [[0, 1, 0, 2, 3, 3]]
one_hot_lookup = np.eye(5)
x_one_hot = [one_hot_lookup[x] for x in x_data]
print(np.array(x_one_hot).shape, x_one_hot[0][:2])
inputs = torch.from_numpy(np.array(x_one_hot)).float()
labels = torch.LongTensor([[1, 0, 2, 3, 3, 4]])
print(inputs.dtype, inputs.shape, labels.view(-1).numpy())
torch.manual_seed(0)
rnn = nn.RNN(input_size=5, hidden_size=5, batch_first=True)
out, _ = rnn(inputs)
result = out.data.numpy().argmax(axis=2)
print(result, result.dtype, result.shape)
print(''.join([idx2char[c] for c in result.squeeze()]))
# A sine wave sampled for sequence prediction.
np.random.seed(2)
T, L, N = 20, 1000, 100
x = np.empty((N, L), 'int64')
x[:] = np.array(range(L)) + np.random.randint(-4 * T, 4 * T, N).reshape(N, 1)
data = np.sin(x / 1.0 / T).astype('float64')
print(data.shape, data.dtype, data[0, :4], data[3:5, -2:])
inp = torch.from_numpy(data[3:, :-1])
target = torch.from_numpy(data[3:, 1:])
print(inp.dtype, inp.shape, target[0, :3])
time_steps = np.linspace(0, np.pi, 10)
seq = np.sin(time_steps)
seq.resize((10, 1))
print(seq.shape, seq[:3].T)
X = np.array([seq[i:i + 3] for i in range(7)]).astype('float32')
print(X.shape, X.dtype, X[-1].ravel())
preds = torch.tensor(X).mean(dim=1).numpy()
print(preds.shape, np.round(preds[:3], 4).tolist())
losses = [0.9, 0.5, 0.31, 0.2]
print(np.mean(losses), np.std(losses), np.argmin(losses), np.array(losses).min())
print(f"{np.mean(losses):.4f}", "%.3f" % np.max(losses), round(float(np.sum(losses)), 2))
acc = (np.array([1, 2, 3, 3]) == np.array([1, 2, 0, 3])).mean()
print(acc, acc * 100, type(acc).__name__)
word_to_ix = {w: i for i, w in enumerate("the dog ate the apple".split())}
ids = np.array([word_to_ix[w] for w in "the dog ate".split()])
print(ids, torch.tensor(ids), torch.from_numpy(ids).dtype)
from torch.utils.data import Dataset, DataLoader
class Windows(Dataset):
    def __init__(self):
        self.x = np.arange(12, dtype=np.float32).reshape(6, 2)
        self.y = np.arange(6)
    def __len__(self):
        return len(self.x)
    def __getitem__(self, i):
        return self.x[i], self.y[i]
for xb, yb in DataLoader(Windows(), batch_size=4):
    print(xb, xb.dtype, yb, yb.dtype)
