BEGIN { x = -4294967296; trace(x); exit(0); }
