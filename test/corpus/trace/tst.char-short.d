BEGIN { trace((char)65); trace((short)1000); exit(0); }
