#pragma D option quiet
int n, bad;
sdt:::zsd-wait-for-inprogress { n++; bad += (args[1]->zsd_flags & 0x222) == 0; }
END { printf("%d\n", bad); }
