class Hostile:
    def __init__(self):
        Hostile()
Hostile()
