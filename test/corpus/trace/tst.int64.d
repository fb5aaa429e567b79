BEGIN { trace(4294967296); exit(0); }
