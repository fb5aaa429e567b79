struct s { int a; } x;
BEGIN { trace(!x); exit(0); }
