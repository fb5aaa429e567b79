#pragma D option quiet
int x;
string s;
long l;
BEGIN { printf("[%d][%s][%d]\n", x, s, l); exit(0); }
