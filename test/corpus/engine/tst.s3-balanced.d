#pragma D option quiet
int s, e, c;
sdt:::zsd-create-start { s++; }
sdt:::zsd-create-end { e++; }
sdt:::zsd-create-completed { c++; }
END { printf("%d %d %d\n", s > 0, s == e, e == c); }
