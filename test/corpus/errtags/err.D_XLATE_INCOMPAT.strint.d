struct in { int a; };
struct out { int b; };
translator struct out < struct in *p > { b = "x"; };
BEGIN { exit(0); }
