BEGIN { trace("a"); trace(2); exit(0); }
