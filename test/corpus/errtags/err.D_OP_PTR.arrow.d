BEGIN { x = 1; trace(x->a); exit(0); }
