BEGIN { trace(args[100000]); exit(0); }
