#pragma D option quiet
inline int FOO = 42;
inline string NAME = "zsd";
BEGIN { printf("%d %s %d\n", FOO, NAME, FOO * 2); exit(0); }
