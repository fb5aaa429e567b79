BEGIN { @a = max(1); }
END { @a = min(1); }
