f"{'abc':d}"
