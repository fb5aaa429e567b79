/*
 * With the default statusrate (one check a second), an exit() at 1.2s is seen at the check at
 * 2s: walltimestamp in END has moved on by 800ms too.
 */
#pragma D option quiet

tick-1200ms
{
	exited = walltimestamp;
	exit(0);
}

END
{
	printf("%d ms\n", (walltimestamp - exited) / 1000000);
}
