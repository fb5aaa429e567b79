#pragma D option quiet
int n;
BEGIN { start = timestamp; }
tick-100ms { n++; }
tick-100ms /n == 3/
{
	printf("%d\n", timestamp - start >= 300000000 && timestamp - start < 400000000);
	exit(0);
}
