BEGIN { trace(strlen(1)); exit(0); }
