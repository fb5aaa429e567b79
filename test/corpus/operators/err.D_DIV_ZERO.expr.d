BEGIN { x = 5 / (2 - 2); }
