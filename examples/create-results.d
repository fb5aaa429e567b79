/*
 * create-results.d: how many creates completed per zone, and how many returned non-NULL data.
 *
 * zsd-create-end carries the callback's result (a void *), which the framework stores as the
 * entry's data when the create completes (spec 2.12); getspecific sees NULL before that.
 */
#pragma D option quiet

sdt:::zsd-create-end
{
	@results[args[0]->zone_name] = count();
	@nonnull = sum(arg1 != 0);
}

tick-2s
{
	printa("zone %-12s creates completed: %@d\n", @results);
	printa("non-NULL create results: %@d\n", @nonnull);
	exit(0);
}
