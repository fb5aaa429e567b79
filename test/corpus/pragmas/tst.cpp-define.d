#pragma D option quiet
#define VAL 42
#define TWICE(x) ((x) * 2)
BEGIN { printf("%d %d\n", VAL, TWICE(VAL)); exit(0); }
