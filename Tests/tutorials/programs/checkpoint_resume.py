# Save a training checkpoint (model, optimiser, epoch, loss) to a file, load it into a
# fresh model and optimiser and resume, as PyTorch's "Saving and loading a general
# checkpoint" recipe does; then keep the best model with copy.deepcopy.
import copy

import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(21)


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.embed = nn.Embedding(10, 4)
        self.gru = nn.GRU(4, 8, batch_first=True)
        self.fc = nn.Linear(8, 10)

    def forward(self, x):
        out, _ = self.gru(self.embed(x))
        return self.fc(out)


data = torch.randint(0, 10, (6, 7))
inputs, targets = data[:, :-1], data[:, 1:]


def run_epoch(net, optimizer):
    optimizer.zero_grad()
    output = net(inputs)
    loss = nn.functional.cross_entropy(output.reshape(-1, 10), targets.reshape(-1))
    loss.backward()
    optimizer.step()
    return loss


net = Net()
optimizer = optim.Adam(net.parameters(), lr=0.01)
# Print model's state_dict
print("Model's state_dict:")
for param_tensor in net.state_dict():
    print(param_tensor, "\t", net.state_dict()[param_tensor].size())

# Print optimizer's state_dict
print("Optimizer's state_dict:")
for var_name in optimizer.state_dict():
    print(var_name, "\t", optimizer.state_dict()[var_name])

best_loss, best_model, best_state = float('inf'), None, None
for epoch in range(5):
    loss = run_epoch(net, optimizer)
    print('epoch', epoch, 'loss', round(loss.item(), 4))
    if loss.item() < best_loss:
        best_loss = loss.item()
        best_model = copy.deepcopy(net)
        best_state = copy.deepcopy(net.state_dict())

PATH = "checkpoint.pt"
torch.save({
    'epoch': epoch,
    'model_state_dict': net.state_dict(),
    'optimizer_state_dict': optimizer.state_dict(),
    'loss': loss,
}, PATH)

model = Net()
optimizer2 = optim.Adam(model.parameters(), lr=0.5)

checkpoint = torch.load(PATH, weights_only=True)
print(model.load_state_dict(checkpoint['model_state_dict']))
optimizer2.load_state_dict(checkpoint['optimizer_state_dict'])
epoch = checkpoint['epoch']
loss = checkpoint['loss']
print('resuming after epoch', epoch, 'at loss', loss)
print(optimizer2.param_groups[0]['lr'], sorted(optimizer2.state_dict()['state'][0].keys()))

model.train()
for epoch in range(epoch + 1, epoch + 4):
    resumed = run_epoch(model, optimizer2)
    continued = run_epoch(net, optimizer)
    print('epoch', epoch, 'resumed', round(resumed.item(), 4), 'continued', round(continued.item(), 4))

print(best_loss == min(best_loss, loss.item()))
print(torch.equal(best_model.fc.weight, best_state['fc.weight']), best_model.fc.weight is net.fc.weight)
net.load_state_dict(best_state)
print(torch.equal(net.gru.weight_hh_l0, best_model.gru.weight_hh_l0))

torch.save(model.state_dict(), 'weights.pt')
weights = torch.load('weights.pt')
print(type(weights).__name__, list(weights.keys())[:3])
