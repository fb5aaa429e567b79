BEGIN { trace("hi"); exit(0); }
