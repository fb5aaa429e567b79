#pragma D option quiet
int n, nulls;
sdt:::zsd-create-end { n++; nulls += arg1 == 0; }
END { printf("%d %d\n", n, nulls); }
