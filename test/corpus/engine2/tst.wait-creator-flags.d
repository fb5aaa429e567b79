#pragma D option quiet
int bad;
sdt:::zsd-wait-for-creator { bad += (args[1]->zsd_flags & 0x3) == 0; }
END { printf("%d\n", bad); }
