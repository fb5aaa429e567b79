/*
 * Room for two aggregation entries, but the consumer takes the aggregations every 20ms while a
 * new key arrives every 50ms: each key finds the space empty and all eight get in.
 */
#pragma D option quiet
#pragma D option aggsize=128
#pragma D option aggrate=20msec

int k;

tick-50ms
/k < 8/
{
	@sq[k] = sum(k * k);
	k++;
}

tick-50ms
/k == 8/
{
	exit(0);
}

END
{
	printa("%3d %4@d\n", @sq);
}
