#pragma D option quiet
#define SQ(x) ((x) * (x))
BEGIN { printf("%d\n", SQ(3 + 4)); exit(0); }
