#!/usr/bin/env python3
"""Times the `recur bench` cases in PyTorch (2 threads) side by side with Recur.

Run with a Python that has torch, from the repository root, after `swift build -c release`:

    python tools/bench/torch_reference.py [--rounds 3] [--filter char] [--recur .build/release/recur] [--baseline OLD]

Each round runs `recur bench` and then the same training programs in PyTorch; the report
gives each side's median microseconds per training step (forward, loss, backward, optimizer
step) over the rounds and the ratio Recur / PyTorch. For the character models it also gives
the floor: the step's matrix-product FLOPs (forward, and twice that backward) divided by the
sgemm rate Recur's BLAS reaches in the same run (`sgemm_2048x256x1024`), and Recur's time
over that floor. `--baseline` times a second Recur binary (an earlier build) in the same
rounds, for a before/after comparison under the same load. A first line says which OpenBLAS kernels were asked for (`OPENBLAS_CORETYPE`,
else the ones OpenBLAS detects) and the load average before the run, a last line the load
average after it: the machine's other work shows in every figure. The randn_1m and rand_1m cases time one
`torch.randn(1_000_000)` / `torch.rand(1_000_000)` call. Without a Recur binary only PyTorch runs.
"""
import argparse
import json
import os
import statistics
import subprocess
import time

import torch
import torch.nn as nn

IDX = [1, 0, 2, 2, 3]
LABELS = [3, 1, 2, 3, 2]


def one_hot():
    return torch.Tensor([[1 if i == x else 0 for i in range(4)] for x in IDX])


def seed1_rnncell():
    cell = nn.RNNCell(4, 4)
    inputs = one_hot().view(-1, 1, 4)
    labels = torch.LongTensor(LABELS).view(-1, 1)
    crit = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(cell.parameters(), lr=0.1)

    def step():
        opt.zero_grad()
        hidden = torch.zeros(1, 4)
        loss = 0
        for inp, label in zip(inputs, labels):
            hidden = cell(inp, hidden)
            loss += crit(hidden, label)
        loss.backward()
        opt.step()
    return "seed1_rnncell", step, 3000


def seed2_rnn():
    rnn = nn.RNN(4, 4)
    inputs = one_hot().view(5, 1, 4)
    labels = torch.LongTensor(LABELS)
    crit = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(rnn.parameters(), lr=0.1)

    def step():
        opt.zero_grad()
        out, _ = rnn(inputs, torch.zeros(1, 1, 4))
        loss = crit(out.view(-1, 4), labels)
        loss.backward()
        opt.step()
    return "seed2_rnn", step, 3000


def seed3_embedding():
    emb, rnn, fc = nn.Embedding(4, 10), nn.RNN(10, 8, num_layers=2, batch_first=True), nn.Linear(8, 4)
    inputs = torch.LongTensor([IDX])
    labels = torch.LongTensor(LABELS)
    crit = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(list(emb.parameters()) + list(rnn.parameters()) + list(fc.parameters()), lr=0.05)

    def step():
        opt.zero_grad()
        x, _ = rnn(emb(inputs), torch.zeros(2, 1, 8))
        loss = crit(fc(x).view(-1, 4), labels)
        loss.backward()
        opt.step()
    return "seed3_embedding", step, 3000


def char_model():
    return gated("char_h256_b32_t64", nn.RNN, 256, 2, 32, iterations=40)


def char_batch():
    return torch.randint(0, 64, (32, 64)), torch.randint(0, 64, (32 * 64,))


def char_variant(name, rnn, width, packed=False):
    emb, fc = nn.Embedding(64, 64), nn.Linear(width, 64)
    inputs, targets = char_batch()
    lengths = [64 - (i * 7) % 32 for i in range(32)]
    crit = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(list(emb.parameters()) + list(rnn.parameters()) + list(fc.parameters()), lr=0.001)

    def step():
        opt.zero_grad()
        if packed:
            seq = nn.utils.rnn.pack_padded_sequence(emb(inputs), lengths, batch_first=True, enforce_sorted=False)
            out, _ = rnn(seq)
            x, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=64)
        else:
            x, _ = rnn(emb(inputs))
        loss = crit(fc(x).reshape(-1, 64), targets)
        loss.backward()
        opt.step()
    return name, step, 20


def char_lstm_bidir_dropout():
    return char_variant("char_lstm_bidir_dropout_h256_b32_t64",
                        nn.LSTM(64, 256, num_layers=2, batch_first=True, dropout=0.3, bidirectional=True), 512)


def char_gru_packed_dropout():
    return char_variant("char_gru_packed_dropout_h256_b32_t64",
                        nn.GRU(64, 256, num_layers=2, batch_first=True, dropout=0.3), 256, packed=True)


def char_lstm_dropout():
    return char_variant("char_lstm_dropout_h256_b32_t64", nn.LSTM(64, 256, num_layers=2, batch_first=True, dropout=0.3), 256)


def gated(name, kind, hidden, layers, batch, iterations=20):
    emb, fc = nn.Embedding(64, 64), nn.Linear(hidden, 64)
    rnn = kind(64, hidden, num_layers=layers, batch_first=True)
    inputs, targets = torch.randint(0, 64, (batch, 64)), torch.randint(0, 64, (batch * 64,))
    crit = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(list(emb.parameters()) + list(rnn.parameters()) + list(fc.parameters()), lr=0.001)

    def step():
        opt.zero_grad()
        x, _ = rnn(emb(inputs))
        loss = crit(fc(x).reshape(-1, 64), targets)
        loss.backward()
        opt.step()
    return name, step, iterations


def char_lstm():
    return gated("char_lstm_h256_b32_t64", nn.LSTM, 256, 2, 32)


def char_gru():
    return gated("char_gru_h256_b32_t64", nn.GRU, 256, 2, 32)


def lstm_h512():
    return gated("lstm_h512_b64_t64", nn.LSTM, 512, 1, 64)


def name_classifier():
    """PyTorch's name-classification tutorial, as it trains: one name at a time."""
    letters, hidden, categories = 57, 128, 18
    i2h, i2o = nn.Linear(letters + hidden, hidden), nn.Linear(letters + hidden, categories)
    softmax, criterion, rate = nn.LogSoftmax(dim=1), nn.NLLLoss(), 0.005
    line = torch.zeros(7, 1, letters)
    for position, letter in enumerate([28, 0, 19, 7, 4, 17, 18]):
        line[position][0][letter] = 1
    category = torch.tensor([5])
    parameters = list(i2h.parameters()) + list(i2o.parameters())

    def step():
        for p in parameters:
            p.grad = None
        state = torch.zeros(1, hidden)
        for i in range(line.size()[0]):
            combined = torch.cat((line[i], state), 1)
            state = i2h(combined)
            output = softmax(i2o(combined))
        loss = criterion(output, category)
        loss.backward()
        for p in parameters:
            p.data.add_(p.grad.data, alpha=-rate)
    return "name_classifier_i2h_i2o", step, 3000


def recurrent_flops(batch, steps, inputs, hidden, gates, layers, directions=1, vocabulary=64):
    """Multiply-add FLOPs of one training step's matrix products: each layer's input and
    hidden projections and the output layer, forward, and twice that backward (the gradients
    of the inputs and of the weights)."""
    forward = 0
    width = inputs
    for _ in range(layers):
        forward += directions * 2 * batch * steps * (width + hidden) * gates * hidden
        width = hidden * directions
    forward += 2 * batch * steps * width * vocabulary
    return 3 * forward


# The character models' FLOPs per step, for the floor column: FLOPs / Recur's sgemm rate.
FLOPS = {
    "char_h256_b32_t64": recurrent_flops(32, 64, 64, 256, 1, 2),
    "char_lstm_h256_b32_t64": recurrent_flops(32, 64, 64, 256, 4, 2),
    "char_gru_h256_b32_t64": recurrent_flops(32, 64, 64, 256, 3, 2),
    "lstm_h512_b64_t64": recurrent_flops(64, 64, 64, 512, 4, 1),
    "char_lstm_dropout_h256_b32_t64": recurrent_flops(32, 64, 64, 256, 4, 2),
    "char_lstm_bidir_dropout_h256_b32_t64": recurrent_flops(32, 64, 64, 256, 4, 2, directions=2),
}
SGEMM = "sgemm_2048x256x1024"


def randn_1m():
    return "randn_1m", lambda: torch.randn(1_000_000), 50


def rand_1m():
    return "rand_1m", lambda: torch.rand(1_000_000), 50


def time_torch(scale, only):
    results = {}
    for make in (seed1_rnncell, seed2_rnn, seed3_embedding, char_model, char_lstm_bidir_dropout, char_gru_packed_dropout,
                 char_lstm_dropout, char_lstm, char_gru, lstm_h512, name_classifier, randn_1m, rand_1m):
        name, step, iterations = make()
        if only and only not in name:
            continue
        iterations = max(5, int(iterations * scale))
        for _ in range(max(2, iterations // 10)):
            step()
        samples = []
        for _ in range(iterations):
            start = time.perf_counter()
            step()
            samples.append((time.perf_counter() - start) * 1e6)
        results[name] = statistics.median(samples)
    return results


def time_recur(binary, scale, only):
    command = [binary, "bench", "--scale", str(scale)] + (["--filter", only] if only else [])
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rows = [json.loads(line) for line in out.splitlines() if line]
    return {row["case"]: row.get("gflops", row["median_us"]) for row in rows}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="scale iteration counts")
    parser.add_argument("--recur", default=os.path.join(".build", "release", "recur"))
    parser.add_argument("--filter", default=None, help="run only cases whose names contain this")
    parser.add_argument("--baseline", default=None, help="another recur binary to time in the same rounds")
    args = parser.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(0)
    have_recur = os.path.exists(args.recur)
    print(json.dumps({"case": "environment", "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", "detected"),
                      "load_average": [round(x, 2) for x in os.getloadavg()]}))
    torch_rounds, recur_rounds, baseline_rounds = [], [], []
    for _ in range(args.rounds):
        if have_recur:
            recur_rounds.append(time_recur(args.recur, args.scale, args.filter))
        if args.baseline:
            baseline_rounds.append(time_recur(args.baseline, args.scale, args.filter))
        torch_rounds.append(time_torch(args.scale, args.filter))
    if have_recur and SGEMM in recur_rounds[0]:
        gflops = statistics.median(r[SGEMM] for r in recur_rounds)
        print(json.dumps({"case": SGEMM, "recur_gflops": round(gflops, 1)}))
        if baseline_rounds:
            print(json.dumps({"case": SGEMM, "baseline_gflops": round(statistics.median(r[SGEMM] for r in baseline_rounds), 1)}))
    else:
        gflops = None
    for name in torch_rounds[0]:
        row = {"case": name, "torch_us": round(statistics.median(r[name] for r in torch_rounds), 1),
               "torch_version": torch.__version__.split("+")[0], "torch_threads": torch.get_num_threads()}
        if have_recur:
            mine = statistics.median(r[name] for r in recur_rounds)
            row["recur_us"] = round(mine, 1)
            row["ratio"] = round(mine / row["torch_us"], 3)
            row["speedup"] = round(row["torch_us"] / mine, 1)
            if baseline_rounds:
                before = statistics.median(r[name] for r in baseline_rounds)
                row["baseline_us"] = round(before, 1)
                row["baseline_ratio"] = round(before / row["torch_us"], 3)
            if gflops and name in FLOPS:
                row["floor_us"] = round(FLOPS[name] / (gflops * 1e3), 1)
                row["recur_over_floor"] = round(mine / row["floor_us"], 2)
        print(json.dumps(row))
    print(json.dumps({"case": "environment_after", "load_average": [round(x, 2) for x in os.getloadavg()]}))


if __name__ == "__main__":
    main()
