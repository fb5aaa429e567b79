BEGIN { @a["k"] = sum(4); trace("t"); exit(0); }
