BEGIN { trace("b"); exit(0); }
END {}
