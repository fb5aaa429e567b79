#pragma D option quiet
int n;
sdt::: { n++; }
END { printf("%d\n", n); }
