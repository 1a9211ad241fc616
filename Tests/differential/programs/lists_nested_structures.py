grid = [[r * 3 + c for c in range(3)] for r in range(3)]
grid[1][1] = "x"
print(grid, len(grid), [row[1] for row in grid])
print(list(map(list, zip(*grid))))
