Point = type("Point", (), {"x": 1, "show": lambda self: f"x={self.x}"})
print(Point().show(), Point.__name__)
