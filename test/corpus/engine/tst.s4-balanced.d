#pragma D option quiet
int ss, se, ds, de;
sdt:::zsd-shutdown-start { ss++; }
sdt:::zsd-shutdown-end { se++; }
sdt:::zsd-destroy-start { ds++; }
sdt:::zsd-destroy-end { de++; }
END { printf("%d %d\n", ss == se, ds == de); }
