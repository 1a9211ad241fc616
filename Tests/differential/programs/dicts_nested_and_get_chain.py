config = {"model": {"layers": [16, 32], "act": "tanh"}, "lr": 0.01}
print(config["model"]["layers"][-1], config.get("model", {}).get("act"), config.get("opt", {}).get("name", "sgd"))
config["model"]["layers"].append(64)
print(config)
