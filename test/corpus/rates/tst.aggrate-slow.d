/*
 * The same two entries of room with the default aggrate (one snapshot a second): the keys of
 * the first half-second all fall into one interval, so only the first two find room.
 */
#pragma D option quiet
#pragma D option aggsize=128

int k;

tick-100ms
/k < 5/
{
	@seen[k] = count();
	k++;
}

tick-100ms
/k == 5/
{
	exit(0);
}

END
{
	printa("%3d %@d\n", @seen);
}
