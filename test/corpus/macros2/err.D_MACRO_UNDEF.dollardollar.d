BEGIN { trace($$1); trace($$3); exit(0); }
