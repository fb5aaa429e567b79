/*
 * stuck-initialized.d: zones that spend long in INITIALIZED.
 *
 * A new zone is INITIALIZED (status 1) while its create callbacks run without locks (spec 3.2),
 * then READY (2). This measures that window per zone and reports zones still INITIALIZED.
 */
#pragma D option quiet

zone:::status
/args[2] == 1/
{
	init[args[0]->zone_name] = timestamp;
}

zone:::status
/args[2] == 2 && init[args[0]->zone_name]/
{
	@window = quantize(timestamp - init[args[0]->zone_name]);
	@slowest = max(timestamp - init[args[0]->zone_name]);
	init[args[0]->zone_name] = 0;
}

tick-3s
{
	printa("longest INITIALIZED window: %@d ns\n", @slowest);
	printa(@window);
	exit(0);
}
