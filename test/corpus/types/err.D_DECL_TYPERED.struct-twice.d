/* A struct's body may be given once. */
struct s { int a; };
struct s { int b; };
BEGIN { exit(0); }
