/*
 * shutdown-after-destroy.d: catches a shutdown callback that runs after destroy (spec 4.5 N2/N3).
 *
 * This is allowed by the framework but surprises consumers: the shutdown callback then sees
 * the data that destroy already cleared. Printed with the zone, key and thread that ran it.
 */
#pragma D option quiet

int late;

sdt:::zsd-destroy-completed
{
	destroyed[args[0]->zone_id, args[1]] = 1;
}

sdt:::zsd-shutdown-start
/destroyed[args[0]->zone_id, args[1]]/
{
	printf("shutdown after destroy: zone %s key %d by %s\n", args[0]->zone_name, args[1], execname);
	late++;
}

tick-3s
{
	printf("shutdown callbacks after destroy: %d\n", late);
	exit(0);
}
