/*
 * who-waits.d: who waits for whom, and for how long.
 *
 * zsd-wait-for-creator and zsd-wait-for-inprogress fire when a thread finds another thread's
 * callback pending or running on the same (zone, key) entry (spec 2.15, 2.16). The wait ends
 * when the waiting function returns; the time in between is the time blocked.
 */
#pragma D option quiet

sdt:::zsd-wait-for-creator, sdt:::zsd-wait-for-inprogress
/!self->wait/
{
	self->wait = timestamp;
	@waits[execname, probename, args[0]->zone_name] = count();
}

fbt::zsd_wait_for_creator:return, fbt::zsd_wait_for_inprogress:return
/self->wait/
{
	@blocked[execname, probefunc] = quantize(timestamp - self->wait);
	self->wait = 0;
}

tick-3s
{
	printf("%-12s %-28s %-12s %s\n", "WAITER", "PROBE", "ZONE", "COUNT");
	printa("%-12s %-28s %-12s %@d\n", @waits);
	printa(@blocked);
	exit(0);
}
