BEGIN { p = alloca(8); tracemem(p, 0); exit(0); }
