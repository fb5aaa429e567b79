#pragma D option quiet
int n;
sdt:::zsd-create-completed { n++; }
END { printf("%d\n", n); }
