# A char RNN in the style of early PyTorch courses: Variable, a Dataset of strings, a shuffled DataLoader with workers
import sys
import torch
import torch.nn as nn
from torch.autograd import Variable
from torch.utils.data import Dataset, DataLoader

torch.manual_seed(777)
idx2char = ['h', 'i', 'e', 'l', 'o']
x_data = [0, 1, 0, 2, 3, 3]
one_hot_lookup = [[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 1]]
y_data = [1, 0, 2, 3, 3, 4]
x_one_hot = [one_hot_lookup[x] for x in x_data]
inputs = Variable(torch.Tensor(x_one_hot))
labels = Variable(torch.LongTensor(y_data))
num_classes = 5
input_size = 5
hidden_size = 5
batch_size = 1
sequence_length = 1
num_layers = 1

class Model(nn.Module):
    def __init__(self):
        super(Model, self).__init__()
        self.rnn = nn.RNN(input_size=input_size, hidden_size=hidden_size, batch_first=True)

    def forward(self, hidden, x):
        x = x.view(batch_size, sequence_length, input_size)
        out, hidden = self.rnn(x, hidden)
        return hidden, out.view(-1, num_classes)

    def init_hidden(self):
        return Variable(torch.zeros(num_layers, batch_size, hidden_size))

model = Model()
print(model)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
for epoch in range(5):
    optimizer.zero_grad()
    loss = 0
    hidden = model.init_hidden()
    sys.stdout.write("predicted string: ")
    for input, label in zip(inputs, labels):
        hidden, output = model(hidden, input)
        val, idx = output.max(1)
        sys.stdout.write(idx2char[idx.data[0]])
        loss += criterion(output, torch.LongTensor([label]))
    print(", epoch: %d, loss: %1.3f" % (epoch + 1, loss))
    loss.backward()
    optimizer.step()

class Names(Dataset):
    def __init__(self):
        self.names = ["anna", "bob", "carl", "dora", "eve"]
        self.countries = ["fr", "uk", "de", "es", "it"]
    def __getitem__(self, index):
        return self.names[index], self.countries[index]
    def __len__(self):
        return len(self.names)

loader = DataLoader(dataset=Names(), batch_size=2, shuffle=True, num_workers=2)
for epoch in range(2):
    for i, (names, countries) in enumerate(loader):
        print(epoch, i, names, countries)
logsm = nn.LogSoftmax(dim=1)
print(nn.NLLLoss()(logsm(torch.randn(3, 4)), torch.tensor([1, 0, 3])))
