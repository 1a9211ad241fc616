"""The lesson notebooks' cells: (kind, source) pairs, kind "md" or "code"."""

DATA = '''import torch
torch.manual_seed(SEED)

idx2char = ['e', 'h', 'l', 'o']
char2idx = {c: i for i, c in enumerate(idx2char)}
x_data = [char2idx[c] for c in 'hello']
y_data = [char2idx[c] for c in 'ohlol']
idx2char'''

RNNCELL = [
    ("md", "# 1. Learning \"hello\" → \"ohlol\" with `RNNCell`\n\n"
           "An RNN cell is one linear layer applied again and again: at every step it mixes the "
           "current input `x_t` with the previous hidden state `h_{t-1}` and squashes the sum with "
           "`tanh`:\n\n`h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)`.\n\n"
           "The same cell (the same weights) is used at every step. We teach it to read "
           "\"hello\" and write \"ohlol\", one character at a time."),
    ("md", "## The dictionary\n\nCharacters become indices: four characters, four indices."),
    ("code", DATA.replace("SEED", "5")),
    ("code", "char2idx"),
    ("code", "x_data"),
    ("md", "## One-hot inputs\n\nEach index becomes a vector of length `input_size = 4` with a "
           "single 1. `RNNCell` wants one step at a time, shaped `(batch_size, input_size)`, so the "
           "whole sequence is `(seq_len, batch_size, input_size)`."),
    ("code", "input_size, hidden_size, batch_size = 4, 4, 1\n"
             "inputs = torch.eye(input_size)[x_data].view(-1, batch_size, input_size)\n"
             "labels = torch.LongTensor(y_data).view(-1, 1)\ninputs.shape"),
    ("code", "inputs[:, 0, :]"),
    ("md", "## The model\n\nThe hidden size is 4 so that the hidden state itself can be read as "
           "scores for the four characters."),
    ("code", "class Model(torch.nn.Module):\n"
             "    def __init__(self, input_size, hidden_size, batch_size):\n"
             "        super().__init__()\n"
             "        self.batch_size = batch_size\n"
             "        self.hidden_size = hidden_size\n"
             "        self.rnncell = torch.nn.RNNCell(input_size=input_size, hidden_size=hidden_size)\n"
             "    def forward(self, input, hidden):\n"
             "        return self.rnncell(input, hidden)\n"
             "    def init_hidden(self):\n"
             "        return torch.zeros(self.batch_size, self.hidden_size)\n\n"
             "net = Model(input_size, hidden_size, batch_size)\nnet"),
    ("md", "## Training\n\nThe loss of a sequence is the sum of the cross-entropy losses of its "
           "steps. Fifteen epochs with Adam; the bar shows the progress and the last loss."),
    ("code", "from tqdm import tqdm\n"
             "criterion = torch.nn.CrossEntropyLoss()\n"
             "optimizer = torch.optim.Adam(net.parameters(), lr=0.1)\n"
             "losses = []\n"
             "bar = tqdm(range(15))\n"
             "for epoch in bar:\n"
             "    loss = 0\n"
             "    optimizer.zero_grad()\n"
             "    hidden = net.init_hidden()\n"
             "    predicted = ''\n"
             "    for input, label in zip(inputs, labels):\n"
             "        hidden = net(input, hidden)\n"
             "        loss += criterion(hidden, label)\n"
             "        predicted += idx2char[hidden.argmax(dim=1).item()]\n"
             "    loss.backward()\n"
             "    optimizer.step()\n"
             "    losses.append(loss.item())\n"
             "    bar.set_postfix(loss=loss.item(), predicted=predicted)\n"
             "predicted"),
    ("code", "import matplotlib.pyplot as plt\n"
             "plt.plot(range(1, 16), losses, 'o-', label='RNNCell')\n"
             "plt.xlabel('epoch')\nplt.ylabel('loss')\nplt.title('hello → ohlol')\nplt.legend();"),
]

RNN = [
    ("md", "# 2. The same task with `RNN`\n\n"
           "`torch.nn.RNN` runs the loop over the sequence for us: it takes the whole input "
           "`(seq_len, batch_size, input_size)` and the initial hidden state "
           "`(num_layers, batch_size, hidden_size)`, and returns every step's output "
           "`(seq_len, batch_size, hidden_size)` and the last hidden state."),
    ("code", DATA.replace("SEED", "5")),
    ("code", "input_size, hidden_size, batch_size, num_layers, seq_len = 4, 4, 1, 1, 5\n"
             "inputs = torch.eye(input_size)[x_data].view(seq_len, batch_size, input_size)\n"
             "labels = torch.LongTensor(y_data)\ninputs.shape"),
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
    ("md", "The output of all five steps comes back at once, so the loss is one call on a "
           "`(seq_len * batch_size, hidden_size)` matrix."),
    ("code", "net(inputs).shape"),
    ("code", "from tqdm import tqdm\n"
             "criterion = torch.nn.CrossEntropyLoss()\n"
             "optimizer = torch.optim.Adam(net.parameters(), lr=0.1)\n"
             "losses = []\n"
             "bar = tqdm(range(15))\n"
             "for epoch in bar:\n"
             "    optimizer.zero_grad()\n"
             "    outputs = net(inputs)\n"
             "    loss = criterion(outputs, labels)\n"
             "    loss.backward()\n"
             "    optimizer.step()\n"
             "    losses.append(loss.item())\n"
             "    predicted = ''.join(idx2char[i] for i in outputs.argmax(dim=1).tolist())\n"
             "    bar.set_postfix(loss=loss.item(), predicted=predicted)\n"
             "predicted"),
    ("code", "import matplotlib.pyplot as plt\n"
             "plt.plot(range(1, 16), losses, 'o-', label='RNN')\n"
             "plt.xlabel('epoch')\nplt.ylabel('loss')\nplt.legend();"),
]

EMBEDDING = [
    ("md", "# 3. Embedding + RNN + Linear\n\n"
           "One-hot vectors are sparse and grow with the vocabulary. An `Embedding` layer "
           "instead learns a dense vector for every index; a `Linear` layer maps the RNN's "
           "hidden state back to scores for the classes."),
    ("code", DATA.replace("SEED", "0")),
    ("code", "num_class, input_size, hidden_size, embedding_size, num_layers, batch_size, seq_len = 4, 4, 8, 10, 2, 1, 5\n"
             "inputs = torch.LongTensor([x_data])\nlabels = torch.LongTensor(y_data)\ninputs.shape"),
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
    ("md", "The embedding table before training: one row of 10 numbers per character."),
    ("code", "import matplotlib.pyplot as plt\n"
             "plt.imshow(net.emb.weight.detach())\nplt.colorbar()\nplt.title('emb.weight');"),
    ("code", "from tqdm import tqdm\n"
             "criterion = torch.nn.CrossEntropyLoss()\n"
             "optimizer = torch.optim.Adam(net.parameters(), lr=0.05)\n"
             "losses = []\n"
             "bar = tqdm(range(15))\n"
             "for epoch in bar:\n"
             "    optimizer.zero_grad()\n"
             "    outputs = net(inputs)\n"
             "    loss = criterion(outputs, labels)\n"
             "    loss.backward()\n"
             "    optimizer.step()\n"
             "    losses.append(loss.item())\n"
             "    predicted = ''.join(idx2char[i] for i in outputs.argmax(dim=1).tolist())\n"
             "    bar.set_postfix(loss=loss.item(), predicted=predicted)\n"
             "predicted"),
    ("code", "plt.plot(range(1, 16), losses, 'o-', label='Embedding + RNN + Linear')\n"
             "plt.xlabel('epoch')\nplt.ylabel('loss')\nplt.legend();"),
]

SHAPES = [
    ("md", "# 4. Shape rules of `RNNCell` and `RNN`\n\n"
           "`%shapes on` prints one line for every layer call, with the shapes going in and "
           "coming out. Watch `seqLen`, `batchSize`, `inputSize`, `hiddenSize` and `numLayers` "
           "move through them."),
    ("code", "import torch\ntorch.manual_seed(0)\nbatch_size, seq_len, input_size, hidden_size, num_layers = 1, 3, 4, 2, 1\n%shapes on"),
    ("md", "## RNNCell: one step at a time\n\n`input` is `(batchSize, inputSize)`, `hidden` is "
           "`(batchSize, hiddenSize)`, and the new hidden state has the same shape."),
    ("code", "cell = torch.nn.RNNCell(input_size=input_size, hidden_size=hidden_size)\n"
             "dataset = torch.randn(seq_len, batch_size, input_size)\n"
             "hidden = torch.zeros(batch_size, hidden_size)\n"
             "for input in dataset:\n"
             "    hidden = cell(input, hidden)"),
    ("md", "## RNN: the whole sequence at once\n\n`inputs` is `(seqLen, batchSize, inputSize)`, "
           "`h_0` is `(numLayers, batchSize, hiddenSize)`; `output` has every step "
           "`(seqLen, batchSize, hiddenSize)` and `h_n` the last one for every layer."),
    ("code", "rnn = torch.nn.RNN(input_size=input_size, hidden_size=hidden_size, num_layers=num_layers)\n"
             "out, hidden = rnn(torch.randn(seq_len, batch_size, input_size), torch.zeros(num_layers, batch_size, hidden_size))"),
    ("md", "More layers change only the hidden states' first dimension."),
    ("code", "rnn3 = torch.nn.RNN(input_size=input_size, hidden_size=hidden_size, num_layers=3)\n"
             "out, hidden = rnn3(torch.randn(seq_len, batch_size, input_size), torch.zeros(3, batch_size, hidden_size))"),
    ("md", "With `batch_first=True` the batch comes first in the input and the output (not in the hidden states)."),
    ("code", "rnn_bf = torch.nn.RNN(input_size=input_size, hidden_size=hidden_size, batch_first=True)\n"
             "out, hidden = rnn_bf(torch.randn(batch_size, seq_len, input_size), torch.zeros(num_layers, batch_size, hidden_size))"),
    ("code", "%shapes off"),
]

NOTEBOOKS = {
    "01-rnncell.ipynb": RNNCELL,
    "02-rnn.ipynb": RNN,
    "03-embedding.ipynb": EMBEDDING,
    "04-shapes.ipynb": SHAPES,
}
