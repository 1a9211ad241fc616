import torch, torch.nn as nn
ml = nn.ModuleList([nn.Linear(1, 1), nn.ReLU()])
pl = nn.ParameterList([nn.Parameter(torch.zeros(1))])
md = nn.ModuleDict({'a': nn.ReLU(), 'b': nn.Tanh()})
rnn = nn.LSTM(2, 3)
for t in ["ml.append()", "ml.append(1, 2)", "ml.extend(x=1)", "ml.insert(0)", "pl.append()", "pl.extend(values=1, x=2)", "md.keys(1)", "md.update()", "md.pop()", "rnn.flatten_parameters(1)", "md.clear(2)", "ml.pop()"]:
    try: eval(t)
    except TypeError as e: print(t, '->', e)
print(ml.append(nn.Tanh()) is ml, len(ml), type(ml.pop(0)).__name__, len(ml))
print(len(ml.pop(slice(0, 1))), len(ml))
print(pl.extend([torch.ones(2)]) is pl, len(pl))
print(list(md.keys()), type(md.pop('a')).__name__, list(md.keys()))
md.clear()
print(len(md), rnn.flatten_parameters())
