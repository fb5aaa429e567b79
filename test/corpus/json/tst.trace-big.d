BEGIN { trace(0x7fffffffffffffff); exit(0); }
