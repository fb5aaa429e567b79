/*
 * status-transitions.d: every zone status change, as it happens.
 *
 * The zone provider's status probe carries the old and new status (spec 1.3 numbering: 0
 * UNINITIALIZED, 1 INITIALIZED, 2 READY … 9 DEAD).
 */
#pragma D option quiet

zone:::status
{
	printf("%10d %-10s %d -> %d\n", timestamp / 1000, args[0]->zone_name, args[1], args[2]);
}

tick-1s
{
	exit(0);
}
