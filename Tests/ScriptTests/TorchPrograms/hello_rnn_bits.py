# Character RNNs in PyTorchZeroToAll's style (one-hot input, nn.RNN, CrossEntropyLoss, seed 777):
# every loss is printed with repr, so a last-bit difference in any kernel shows. SGD with
# momentum: PyTorch's Adam divides by torch.sqrt, which in PyTorch's x86 builds is Intel MKL's
# and not correctly rounded, so no open library can follow it bit for bit. MKL's tanh is
# correctly rounded on all but about one input in a thousand: with these texts and this seed it
# is on every input the runs reach (checked when this program was written), so Recur's
# correctly rounded tanh follows PyTorch to the last bit.
import torch
import torch.nn as nn


class Model(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.num_classes = num_classes
        self.rnn = nn.RNN(input_size=num_classes, hidden_size=num_classes, batch_first=True)

    def forward(self, x, hidden):
        out, hidden = self.rnn(x, hidden)
        return out.view(-1, self.num_classes), hidden


def train(text, epochs):
    torch.manual_seed(777)
    chars = sorted(set(text))
    index = {c: i for i, c in enumerate(chars)}
    num_classes = len(chars)
    inputs = [index[c] for c in text[:-1]]
    labels = torch.LongTensor([index[c] for c in text[1:]])
    one_hot = torch.eye(num_classes)[inputs].view(1, len(inputs), num_classes)
    model = Model(num_classes)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    for epoch in range(epochs):
        optimizer.zero_grad()
        hidden = torch.zeros(1, 1, num_classes)
        outputs, hidden = model(one_hot, hidden)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        predicted = "".join(chars[i] for i in outputs.argmax(1).tolist())
        print(epoch + 1, repr(loss.item()), predicted)
    print([repr(v) for v in model.rnn.weight_hh_l0.flatten().tolist()[:4]])


train("hihell", 40)
train("recurrently", 40)
