BEGIN { trace((char)-1); exit(0); }
