"""The lesson notebooks' cells: (kind, source) pairs, kind "md" or "code"."""

DATA = '''import torch
torch.manual_seed(SEED)

idx2char = ['e', 'h', 'l', 'o']
char2idx = {c: i for i, c in enumerate(idx2char)}
x_data = [char2idx[c] for c in 'hello']
y_data = [char2idx[c] for c in 'ohlol']
idx2char'''

RNNCELL = [
    ("md", """# 1. Learning "hello" → "ohlol" with `RNNCell`

A recurrent neural network handles inputs that come in order. Its building block, the **RNN cell**,
is a linear layer applied at every step of the sequence: it mixes the step's input $x_t$ with the
previous step's output $h_{t-1}$ and squashes the sum with $\\tanh$, whose range $[-1, 1]$ works well
for this:

$$h_t = \\tanh(W_{ih}\\,x_t + b_{ih} + W_{hh}\\,h_{t-1} + b_{hh})$$

The same cell, with the same weights, is used at every step; the loop over the sequence is what
makes the network *recurrent*. Roughly:

```python
h = h0
for x in X:
    h = cell(x, h)
```

In this notebook one `torch.nn.RNNCell` learns to read `"hello"` and answer `"ohlol"`, one
character per step."""),
    ("code", """import torch
torch.manual_seed(7)"""),
    ("md", """Seeding the random generator fixes the model's initial weights, so every number below comes out
the same on every run."""),
    ("md", """## Sizes

Each character will become a vector of 4 numbers, because there are four different characters
(`input_size = 4`). At every step the model has to say which of those four characters comes next:
a 4-way classification, so the hidden state itself can hold the 4 class scores
(`hidden_size = 4`). The model sees one sequence at a time (`batch_size = 1`)."""),
    ("code", """input_size = 4
hidden_size = 4
batch_size = 1"""),
    ("md", """## A dictionary of characters

A network computes with numbers, so characters must become numbers first. Build a dictionary that
gives each character an index, `idx2char`, then write the input word and the target word as lists
of indices."""),
    ("code", """idx2char = ['e', 'h', 'l', 'o']
x_data = [1, 0, 2, 2, 3]   # hello
y_data = [3, 1, 2, 3, 2]   # ohlol
print('input: ', ''.join([idx2char[i] for i in x_data]), x_data)
print('target:', ''.join([idx2char[i] for i in y_data]), y_data)"""),
    ("md", """## One-hot inputs

An index becomes a vector with a single 1 at the index's position: a **one-hot** vector. Row `i` of
the lookup table below is the vector for index `i`, so looking up each input index gives the
five input vectors."""),
    ("code", """one_hot_lookup = [[1, 0, 0, 0],
                  [0, 1, 0, 0],
                  [0, 0, 1, 0],
                  [0, 0, 0, 1]]
x_one_hot = [one_hot_lookup[x] for x in x_data]
x_one_hot"""),
    ("md", """`RNNCell` takes one step at a time, with an input of shape `(batchSize, inputSize)`. The whole
sequence is kept in one tensor of shape `(seqLen, batchSize, inputSize)`; `view(-1, ...)` lets
PyTorch work out `seqLen = 5`. The labels are one class index per step, shape `(seqLen, 1)`."""),
    ("code", """inputs = torch.Tensor(x_one_hot).view(-1, batch_size, input_size)
labels = torch.LongTensor(y_data).view(-1, 1)
print('inputs:', inputs.shape)
print('labels:', labels.shape)
inputs"""),
    ("md", """Iterating over a tensor walks along its first dimension, so zipping `inputs` and `labels` yields
each step's `(batchSize, inputSize)` input with its target index:"""),
    ("code", """for x, y in zip(inputs, labels):
    print(x, tuple(x.shape), '->', y)"""),
    ("md", """## The model

The model wraps one `RNNCell`. `forward` takes a single step: the input $x_t$ and the previous
hidden state $h_{t-1}$, and returns $h_t$. `init_hidden` gives $h_0$: with no prior knowledge
about the sequence, a vector of zeros of shape `(batchSize, hiddenSize)`."""),
    ("code", """class Model(torch.nn.Module):
    def __init__(self, input_size, hidden_size, batch_size):
        super().__init__()
        self.batch_size = batch_size
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.rnncell = torch.nn.RNNCell(input_size=self.input_size, hidden_size=self.hidden_size)

    def forward(self, input, hidden):
        hidden = self.rnncell(input, hidden)
        return hidden

    def init_hidden(self):
        return torch.zeros(self.batch_size, self.hidden_size)

net = Model(input_size, hidden_size, batch_size)
net"""),
    ("md", """The cell's parameters: `weight_ih` (`hiddenSize × inputSize`) multiplies the input and
`weight_hh` (`hiddenSize × hiddenSize`) the previous hidden state, each with its bias. They look
like two linear layers, but they add up to a single one over the input and the hidden state
stacked together."""),
    ("code", """for name, p in net.named_parameters():
    print(f'{name:20} {tuple(p.shape)}')"""),
    ("md", """## Loss and optimizer

At every step the hidden state holds 4 scores, one per character. Cross-entropy turns the scores
into a distribution and measures how far it is from the target character. A sequence's loss is
the sum of its five steps' losses. The optimizer is Adam with a learning rate of 0.1."""),
    ("code", """criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(net.parameters(), lr=0.1)
criterion"""),
    ("md", """## Training

One epoch: start from $h_0$, feed the five characters one at a time, add up the losses, and note
the predicted character at each step (the one with the highest score). Then backpropagate through
all five steps and let the optimizer update the weights. `train(epochs)` runs a few epochs and
prints the predicted string after each one; `losses` keeps every epoch's loss."""),
    ("code", """losses = []

def train(epochs):
    for _ in range(epochs):
        loss = 0
        optimizer.zero_grad()
        hidden = net.init_hidden()
        predicted = ''
        for input, label in zip(inputs, labels):
            hidden = net(input, hidden)
            loss += criterion(hidden, label)
            _, idx = hidden.max(dim=1)
            predicted += idx2char[idx.item()]
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        print('Predicted string: %s, Epoch [%d] loss=%.4f' % (predicted, len(losses), loss.item()))"""),
    ("md", """The first five epochs: the untrained cell guesses, and the loss starts to fall."""),
    ("code", """train(5)"""),
    ("md", """Five more: the predictions move towards the target."""),
    ("code", """train(5)"""),
    ("md", """And five more, fifteen in all, as in the lesson:"""),
    ("code", """train(5)"""),
    ("md", """## The loss, epoch by epoch

The summed loss falls fast while the predictions change, then levels off once the cell
answers "ohlol"."""),
    ("code", """import matplotlib.pyplot as plt
plt.plot(range(1, len(losses) + 1), losses, 'o-')
plt.xlabel('epoch')
plt.ylabel('loss')
plt.title('hello → ohlol')
plt.show()"""),
    ("md", """## Using the trained cell

`predict` runs the cell over a word, one character at a time, without recording gradients, and
spells out the highest-scoring character at each step."""),
    ("code", """def predict(word):
    hidden = net.init_hidden()
    answer = ''
    with torch.no_grad():
        for ch in word:
            x = torch.Tensor([one_hot_lookup[idx2char.index(ch)]])
            hidden = net(x, hidden)
            answer += idx2char[hidden.argmax(dim=1).item()]
    return answer

predict('hello')"""),
]

TRAIN = """from tqdm import tqdm
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(net.parameters(), lr=LR)
losses = []

def train(epochs):
    bar = tqdm(range(epochs), desc='epochs %d-%d' % (len(losses) + 1, len(losses) + epochs))
    for epoch in bar:
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        _, idx = outputs.max(dim=1)
        predicted = ''.join([idx2char[i] for i in idx.tolist()])
        bar.set_postfix(loss=loss.item())
        print('Predicted: %s, Epoch [%d] loss=%.4f' % (predicted, len(losses), loss.item()))"""

RNN = [
    ("md", """# 2. The same task with `RNN`

`torch.nn.RNNCell` takes one step; we wrote the loop over the sequence ourselves.
`torch.nn.RNN` runs that loop for us: it takes the whole sequence at once and returns the
output of every step. Its shapes, in the lesson's names:

| | shape |
| --- | --- |
| `input` | `(seqLen, batchSize, inputSize)` |
| `h_0` | `(numLayers, batchSize, hiddenSize)` |
| `output` | `(seqLen, batchSize, hiddenSize)` |
| `h_n` | `(numLayers, batchSize, hiddenSize)` |

The task is the same as in the first notebook: read `"hello"`, answer `"ohlol"`."""),
    ("md", """## The dictionary

`idx2char` turns an index into its character; `char2idx`, built from it, goes the other way."""),
    ("code", DATA.replace("SEED", "5")),
    ("code", "char2idx"),
    ("md", """The input and the target, as lists of indices:"""),
    ("code", "x_data"),
    ("md", """## One-hot inputs

Row `i` of the 4 × 4 identity matrix is the one-hot vector of index `i`, so indexing `torch.eye`
with the list of indices gives the five input vectors at once. `RNN` wants them as
`(seqLen, batchSize, inputSize)` = `(5, 1, 4)`."""),
    ("code", "input_size, hidden_size, batch_size, num_layers, seq_len = 4, 4, 1, 1, 5\n"
             "inputs = torch.eye(input_size)[x_data].view(seq_len, batch_size, input_size)\n"
             "inputs"),
    ("md", """The labels are one class index per step. `RNN` returns all the steps together, so the
loss can take them in one call: the labels are a vector of `seqLen × batchSize` indices."""),
    ("code", "labels = torch.LongTensor(y_data)\nlabels.shape"),
    ("md", """## The model

`forward` starts from a zero hidden state `h_0` of shape `(numLayers, batchSize, hiddenSize)`,
runs the whole sequence, and flattens the output to `(seqLen × batchSize, hiddenSize)`: one row
of 4 class scores per step."""),
    ("code", "class Model(torch.nn.Module):\n"
             "    def __init__(self, input_size, hidden_size, batch_size, num_layers=1):\n"
             "        super().__init__()\n"
             "        self.num_layers = num_layers\n"
             "        self.batch_size = batch_size\n"
             "        self.hidden_size = hidden_size\n"
             "        self.rnn = torch.nn.RNN(input_size=input_size, hidden_size=hidden_size, num_layers=num_layers)\n"
             "    def forward(self, input):\n"
             "        hidden = torch.zeros(self.num_layers, self.batch_size, self.hidden_size)\n"
             "        out, _ = self.rnn(input, hidden)\n"
             "        return out.view(-1, self.hidden_size)\n\n"
             "net = Model(input_size, hidden_size, batch_size, num_layers)\nnet"),
    ("md", """`%shapes on` prints the shapes going into and out of every layer call: one call of the
model shows the table above at work in the `RNN` line, then the model's own line, whose output
is the flattened `(seqLen × batchSize, hiddenSize)`."""),
    ("code", "%shapes on\nnet(inputs).shape"),
    ("code", "%shapes off"),
    ("md", """## Training

Cross-entropy over the five steps' scores, and Adam with a learning rate of 0.1. `train(epochs)`
runs a few epochs with a progress bar (the latest loss at its end) and prints each epoch's
predicted string."""),
    ("code", TRAIN.replace("LR", "0.1")),
    ("code", "train(5)"),
    ("md", """Five more:"""),
    ("code", "train(5)"),
    ("md", """And five more, fifteen in all, as in the lesson:"""),
    ("code", "train(5)"),
    ("md", """## The loss curve"""),
    ("code", "import matplotlib.pyplot as plt\n"
             "plt.plot(range(1, len(losses) + 1), losses, 'o-', label='RNN')\n"
             "plt.xlabel('epoch')\nplt.ylabel('loss')\nplt.title('hello → ohlol')\nplt.legend();"),
]

EMBEDDING = [
    ("md", """# 3. Embedding + RNN + Linear

One-hot vectors are sparse (mostly zeros), high-dimensional (as long as the vocabulary) and
fixed. An **embedding** maps each index to a dense, lower-dimensional vector that is learned
with the rest of the model: `torch.nn.Embedding(num_embeddings, embedding_dim)` is a table with
one row per index, and looking an index up returns its row.

The model of the lesson: an `Embedding` layer, a two-layer `RNN`, and a `Linear` layer that maps
each hidden state (8 numbers) to the 4 class scores."""),
    ("md", """## The dictionary"""),
    ("code", DATA.replace("SEED", "0")),
    ("code", "char2idx"),
    ("md", """## Inputs: indices, not one-hot vectors

The embedding layer takes the indices themselves. The RNN is built with `batch_first=True`,
so the input is `(batchSize, seqLen)` = `(1, 5)`: one sequence of five indices."""),
    ("code", "num_class, input_size, hidden_size, embedding_size, num_layers, batch_size, seq_len = 4, 4, 8, 10, 2, 1, 5\n"
             "inputs = torch.LongTensor([x_data])\nlabels = torch.LongTensor(y_data)\ninputs"),
    ("md", """## The model

`forward` embeds the indices, runs the RNN from a zero hidden state, applies the linear layer
to every step's output and flattens the result to `(batchSize × seqLen, numClass)` for the
cross-entropy loss."""),
    ("code", "class Model(torch.nn.Module):\n"
             "    def __init__(self):\n"
             "        super().__init__()\n"
             "        self.emb = torch.nn.Embedding(input_size, embedding_size)\n"
             "        self.rnn = torch.nn.RNN(input_size=embedding_size, hidden_size=hidden_size,\n"
             "                                num_layers=num_layers, batch_first=True)\n"
             "        self.fc = torch.nn.Linear(hidden_size, num_class)\n"
             "    def forward(self, x):\n"
             "        hidden = torch.zeros(num_layers, x.size(0), hidden_size)\n"
             "        x = self.emb(x)\n"
             "        x, _ = self.rnn(x, hidden)\n"
             "        x = self.fc(x)\n"
             "        return x.view(-1, num_class)\n\n"
             "net = Model()\nnet"),
    ("md", """Each index becomes its row of the embedding table: `(1, 5)` indices give
`(1, 5, 10)` vectors, `(batchSize, seqLen, embeddingSize)`."""),
    ("code", "net.emb(inputs).shape"),
    ("md", """The embedding table before training: one row of 10 numbers per character."""),
    ("code", "import matplotlib.pyplot as plt\n"
             "plt.imshow(net.emb.weight.detach())\nplt.colorbar()\nplt.ylabel('index')\nplt.title('emb.weight before training');"),
    ("md", """With `%shapes on`, one call of the model shows the shapes through each of its layers:
the embedding, the RNN (`h_0` and `h_n` are `(numLayers, batchSize, hiddenSize)` even with
`batch_first=True`), the linear layer applied to every step, and last the model itself."""),
    ("code", "%shapes on\nnet(inputs).shape"),
    ("code", "%shapes off"),
    ("md", """## Training

Adam with a learning rate of 0.05, a few epochs at a time."""),
    ("code", TRAIN.replace("LR", "0.05")),
    ("code", "train(5)"),
    ("code", "train(5)"),
    ("code", "train(5)"),
    ("md", """## The loss curve and the learned table"""),
    ("code", "plt.plot(range(1, len(losses) + 1), losses, 'o-', label='Embedding + RNN + Linear')\n"
             "plt.xlabel('epoch')\nplt.ylabel('loss')\nplt.title('hello → ohlol')\nplt.legend();"),
    ("code", "plt.imshow(net.emb.weight.detach())\nplt.colorbar()\nplt.ylabel('index')\nplt.title('emb.weight after 15 epochs');"),
]

SHAPES = [
    ("md", """# 4. Shape rules of `RNNCell` and `RNN`

`%shapes on` prints one line for every layer call, with the shapes going in and coming out.
Instead of memorising the rules, watch `seqLen`, `batchSize`, `inputSize`, `hiddenSize` and
`numLayers` move through them. The sizes are the lesson's, except the batch: with
`batchSize = 2` no two sizes are equal, so every number in a shape says which size it is."""),
    ("code", "import torch\ntorch.manual_seed(0)\n"
             "batch_size, seq_len, input_size, hidden_size, num_layers = 2, 3, 4, 5, 1\n"
             "%shapes on"),
    ("md", """## RNNCell: one step at a time

`input` is `(batchSize, inputSize)`, `hidden` is `(batchSize, hiddenSize)`, and the new hidden
state `h'` has the same shape as `hidden`. A sequence is `(seqLen, batchSize, inputSize)`;
looping over it gives the steps, so the cell runs `seqLen` times."""),
    ("code", "cell = torch.nn.RNNCell(input_size=input_size, hidden_size=hidden_size)\n"
             "dataset = torch.randn(seq_len, batch_size, input_size)\n"
             "hidden = torch.zeros(batch_size, hidden_size)\n"
             "for idx, input in enumerate(dataset):\n"
             "    hidden = cell(input, hidden)\n"
             "hidden.shape"),
    ("md", """The cell's weights do not depend on `seqLen` or `batchSize`: `weight_ih` is
`(hiddenSize, inputSize)` and `weight_hh` is `(hiddenSize, hiddenSize)`."""),
    ("code", "for name, p in cell.named_parameters():\n    print(name, tuple(p.shape))"),
    ("md", """An input whose last dimension is not `inputSize` is refused:"""),
    ("code", "try:\n    cell(torch.randn(batch_size, 3), hidden)\nexcept RuntimeError as e:\n    print('RuntimeError:', e)"),
    ("md", """## RNN: the whole sequence at once

`input` is `(seqLen, batchSize, inputSize)`, `h_0` is `(numLayers, batchSize, hiddenSize)`;
`output` has every step, `(seqLen, batchSize, hiddenSize)`, and `h_n` the last step of every
layer, `(numLayers, batchSize, hiddenSize)`."""),
    ("code", "rnn = torch.nn.RNN(input_size=input_size, hidden_size=hidden_size, num_layers=num_layers)\n"
             "inputs = torch.randn(seq_len, batch_size, input_size)\n"
             "hidden = torch.zeros(num_layers, batch_size, hidden_size)\n"
             "out, hidden = rnn(inputs, hidden)"),
    ("md", """The last step of `output` is the last layer's `h_n`:"""),
    ("code", "(out[-1] == hidden[-1]).all().item()"),
    ("md", """A longer sequence changes only `seqLen`, in the input and the output; the same
`rnn` takes sequences of any length."""),
    ("code", "out, hidden = rnn(torch.randn(7, batch_size, input_size), torch.zeros(num_layers, batch_size, hidden_size))"),
    ("md", """## numLayers

Stacked layers: each layer's outputs are the next layer's inputs. More layers change only the
first dimension of the hidden states; `output` is still the last layer's."""),
    ("code", "rnn3 = torch.nn.RNN(input_size=input_size, hidden_size=hidden_size, num_layers=3)\n"
             "out, hidden = rnn3(torch.randn(seq_len, batch_size, input_size), torch.zeros(3, batch_size, hidden_size))"),
    ("md", """`h_0` may be left out: it is then zeros of the right shape."""),
    ("code", "out, hidden = rnn3(torch.randn(seq_len, batch_size, input_size))"),
    ("md", """## batch_first

With `batch_first=True` the batch comes first in the input and the output,
`(batchSize, seqLen, ...)`, but not in the hidden states."""),
    ("code", "rnn_bf = torch.nn.RNN(input_size=input_size, hidden_size=hidden_size, batch_first=True)\n"
             "out, hidden = rnn_bf(torch.randn(batch_size, seq_len, input_size), torch.zeros(num_layers, batch_size, hidden_size))"),
    ("md", """## Embedding and Linear

The third program's other layers: `Embedding` adds a last dimension of `embeddingSize` to
whatever shape of indices it gets, and `Linear` maps the last dimension from `in_features` to
`out_features`, leaving the others alone."""),
    ("code", "emb = torch.nn.Embedding(10, input_size)\n"
             "fc = torch.nn.Linear(hidden_size, 4)\n"
             "x = emb(torch.LongTensor([[1, 0, 2], [2, 3, 4]]))\n"
             "out, _ = rnn_bf(x)\n"
             "scores = fc(out)"),
    ("code", "%shapes off\n%shapes"),
]

GATED_TRAIN = """def train(net, epochs=15):
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(net.parameters(), lr=0.1)
    losses = []
    for epoch in range(epochs):
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        _, idx = outputs.max(dim=1)
        predicted = ''.join([idx2char[i] for i in idx.tolist()])
        print('Predicted: %s, Epoch [%d/%d] loss=%.4f' % (predicted, epoch + 1, epochs, loss.item()))
    return losses"""

LSTM_GRU = [
    ("md", """# 5. LSTM and GRU

A plain RNN squashes everything it has seen into one hidden state, rewritten at every step by the
same $\\tanh$. Over long sequences the gradient has to pass through that squashing once per step,
so it fades (or blows up), and the network forgets what it saw early on.

**Gated** cells learn *how much* to keep and how much to rewrite. A gate is a sigmoid, a number
between 0 and 1 per hidden unit, computed from $x_t$ and $h_{t-1}$ like the RNN's
pre-activation, that multiplies what passes through it.

- **LSTM** (long short-term memory) adds a second state, the **cell state** $c_t$, and three
  gates: the input gate $i_t$ (how much new content $g_t$ to write), the forget gate $f_t$ (how
  much of $c_{t-1}$ to keep) and the output gate $o_t$ (how much of the cell to show as $h_t$):
  $$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t \\qquad h_t = o_t \\odot \\tanh(c_t)$$
  The cell state is updated by a sum, not squashed at every step, so information (and its
  gradient) can travel far.
- **GRU** (gated recurrent unit) keeps a single state and two gates: the reset gate $r_t$ (how
  much of $h_{t-1}$ goes into the new candidate $n_t$) and the update gate $z_t$ (how much of
  $h_{t-1}$ to keep):
  $$h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$$

`torch.nn.LSTM` and `torch.nn.GRU` are used like `torch.nn.RNN`. Here they replace the RNN of the
third notebook: Embedding, a two-layer recurrent layer, Linear, on the same "hello" → "ohlol"."""),
    ("md", """## The data

The same dictionary and the same indices as in the third notebook: `(batchSize, seqLen)` = `(1, 5)`
inputs for `batch_first=True` layers, one target index per step."""),
    ("code", DATA.replace("SEED", "0")),
    ("code", "num_class, input_size, hidden_size, embedding_size, num_layers, batch_size, seq_len = 4, 4, 8, 10, 2, 1, 5\n"
             "inputs = torch.LongTensor([x_data])\nlabels = torch.LongTensor(y_data)\ninputs"),
    ("md", """## Embedding + LSTM + Linear

An LSTM takes and returns its two states as a pair: `out, (h_n, c_n) = lstm(x, (h_0, c_0))`,
both `(numLayers, batchSize, hiddenSize)`. Seeding just before building the model fixes its
initial weights."""),
    ("code", "class LSTMModel(torch.nn.Module):\n"
             "    def __init__(self):\n"
             "        super().__init__()\n"
             "        self.emb = torch.nn.Embedding(input_size, embedding_size)\n"
             "        self.rnn = torch.nn.LSTM(input_size=embedding_size, hidden_size=hidden_size,\n"
             "                                 num_layers=num_layers, batch_first=True)\n"
             "        self.fc = torch.nn.Linear(hidden_size, num_class)\n"
             "    def forward(self, x):\n"
             "        h0 = torch.zeros(num_layers, x.size(0), hidden_size)\n"
             "        c0 = torch.zeros(num_layers, x.size(0), hidden_size)\n"
             "        x = self.emb(x)\n"
             "        x, (h_n, c_n) = self.rnn(x, (h0, c0))\n"
             "        x = self.fc(x)\n"
             "        return x.view(-1, num_class)\n\n"
             "torch.manual_seed(0)\nlstm_net = LSTMModel()\nprint(lstm_net)"),
    ("md", """The LSTM's weights hold its four gates stacked, in the order input, forget, cell (the new
content $g$), output: `weight_ih_l0` is `(4 × hiddenSize, embeddingSize)` = `(32, 10)`, and the
second layer's `weight_ih_l1` takes the first layer's `hiddenSize` outputs."""),
    ("code", "[(n, tuple(p.shape)) for n, p in lstm_net.named_parameters()]"),
    ("md", """With `%shapes on`, the LSTM's line shows the cell state `c_n` next to `h_n`:"""),
    ("code", "%shapes on\nlstm_net(inputs).shape"),
    ("code", "%shapes off"),
    ("md", """## Training

The same loop for both models: cross-entropy, Adam with a learning rate of 0.1, 15 epochs.
`train` returns the epoch losses, to compare them afterwards."""),
    ("code", GATED_TRAIN),
    ("code", "lstm_losses = train(lstm_net)"),
    ("md", """## Embedding + GRU + Linear

A GRU has one state, so it is called like the RNN: `out, h_n = gru(x, h_0)`."""),
    ("code", "class GRUModel(torch.nn.Module):\n"
             "    def __init__(self):\n"
             "        super().__init__()\n"
             "        self.emb = torch.nn.Embedding(input_size, embedding_size)\n"
             "        self.rnn = torch.nn.GRU(input_size=embedding_size, hidden_size=hidden_size,\n"
             "                                num_layers=num_layers, batch_first=True)\n"
             "        self.fc = torch.nn.Linear(hidden_size, num_class)\n"
             "    def forward(self, x):\n"
             "        h0 = torch.zeros(num_layers, x.size(0), hidden_size)\n"
             "        x = self.emb(x)\n"
             "        x, h_n = self.rnn(x, h0)\n"
             "        x = self.fc(x)\n"
             "        return x.view(-1, num_class)\n\n"
             "torch.manual_seed(0)\ngru_net = GRUModel()\nprint(gru_net)"),
    ("md", """Three gates' worth of rows this time, reset, update, new: `(3 × hiddenSize, ...)`."""),
    ("code", "[(n, tuple(p.shape)) for n, p in gru_net.named_parameters()]"),
    ("code", "%shapes on\ngru_net(inputs).shape"),
    ("code", "%shapes off"),
    ("code", "gru_losses = train(gru_net)"),
    ("md", """## The two loss curves"""),
    ("code", "import matplotlib.pyplot as plt\n"
             "plt.plot(range(1, len(lstm_losses) + 1), lstm_losses, 'o-', label='Embedding + LSTM + Linear')\n"
             "plt.plot(range(1, len(gru_losses) + 1), gru_losses, 's-', label='Embedding + GRU + Linear')\n"
             "plt.xlabel('epoch')\nplt.ylabel('loss')\nplt.title('hello → ohlol')\nplt.legend();"),
    ("md", """## The trained models

Both answer "ohlol" after their 15 epochs:"""),
    ("code", "def predict(net):\n"
             "    with torch.no_grad():\n"
             "        idx = net(inputs).argmax(dim=1)\n"
             "    return ''.join([idx2char[i] for i in idx.tolist()])\n\n"
             "print('LSTM:', predict(lstm_net))\nprint('GRU: ', predict(gru_net))"),
]

NOTEBOOKS = {
    "01-rnncell.ipynb": RNNCELL,
    "02-rnn.ipynb": RNN,
    "03-embedding.ipynb": EMBEDDING,
    "04-shapes.ipynb": SHAPES,
    "05-lstm-gru.ipynb": LSTM_GRU,
}
