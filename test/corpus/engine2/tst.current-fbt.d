#pragma D option quiet
int n;
fbt::zone_key_create:entry { n++; }
END { printf("%d\n", n); }
