/*
 * A snapshot every 10ms cannot help a single firing that creates more keys than fit: of the
 * five new keys, the last three are dropped.
 */
#pragma D option quiet
#pragma D option aggsize=128
#pragma D option aggrate=10msec

int done;

tick-100ms
/!done/
{
	@hits[1] = count();
	@hits[2] = count();
	@hits[3] = count();
	@hits[4] = count();
	@hits[5] = count();
	done = 1;
}

tick-100ms
/done/
{
	exit(0);
}

END
{
	printa("%d %@d\n", @hits);
}
