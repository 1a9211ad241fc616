# Classify variable-length sequences in batches: a Dataset of token lists, a collate_fn
# that pads them with pad_sequence, and an LSTM over pack_padded_sequence (unsorted), as
# course notebooks on batching RNNs do it.
import torch
import torch.nn as nn
import torch.optim as optim
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence
from torch.utils.data import Dataset, DataLoader

torch.manual_seed(42)

VOCAB = ['<pad>', 'good', 'great', 'fun', 'bad', 'awful', 'boring', 'movie', 'plot', 'the', 'very']
stoi = {w: i for i, w in enumerate(VOCAB)}

sentences = [
    ("the movie was very good".split(), 1), ("great fun".split(), 1), ("the plot was awful".split(), 0),
    ("boring".split(), 0), ("very very good movie".split(), 1), ("bad bad plot".split(), 0),
    ("fun movie".split(), 1), ("the movie was boring and bad".split(), 0),
    ("great plot".split(), 1), ("awful".split(), 0),
]


class ReviewDataset(Dataset):
    def __init__(self, data):
        self.data = data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, idx):
        words, label = self.data[idx]
        ids = torch.tensor([stoi.get(w, 0) for w in words if w in stoi] or [0], dtype=torch.long)
        return ids, label


def collate_batch(batch):
    seqs, labels = zip(*batch)
    lengths = torch.tensor([len(s) for s in seqs])
    padded = pad_sequence(seqs, batch_first=True, padding_value=0)
    return padded, lengths, torch.tensor(labels, dtype=torch.float)


loader = DataLoader(ReviewDataset(sentences), batch_size=4, shuffle=True, collate_fn=collate_batch)

padded, lengths, labels = next(iter(loader))
print(padded)
print(lengths, labels)


class LSTMClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, 1)

    def forward(self, x, lengths):
        embedded = self.embedding(x)
        packed = pack_padded_sequence(embedded, lengths, batch_first=True, enforce_sorted=False)
        packed_out, (hidden, cell) = self.lstm(packed)
        output, output_lengths = pad_packed_sequence(packed_out, batch_first=True)
        return self.fc(hidden[-1]).squeeze(1), output, output_lengths


model = LSTMClassifier(len(VOCAB), 8, 12)
criterion = nn.BCEWithLogitsLoss()
optimizer = optim.Adam(model.parameters(), lr=0.05)

for epoch in range(15):
    epoch_loss, correct = 0.0, 0
    for x, lengths, y in loader:
        optimizer.zero_grad()
        logits, _, _ = model(x, lengths)
        loss = criterion(logits, y)
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item() * x.size(0)
        correct += ((torch.sigmoid(logits) > 0.5).float() == y).sum().item()
    if epoch % 3 == 0:
        print(f"epoch {epoch:2d}  loss {epoch_loss / len(loader.dataset):.4f}  acc {correct / len(loader.dataset):.2f}")

model.eval()
with torch.no_grad():
    x, lengths, y = collate_batch([ReviewDataset(sentences)[i] for i in range(3)])
    logits, output, output_lengths = model(x, lengths)
    print(output.shape, output_lengths)
    print(torch.sigmoid(logits).round(decimals=3), y)
