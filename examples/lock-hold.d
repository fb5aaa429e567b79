/*
 * lock-hold.d: how long each framework lock is held, by lock name.
 *
 * adaptive-acquire and adaptive-release bracket each hold of a simulated kmutex; zonehash_lock,
 * zsd_key_lock and the per-zone zone_lock show how 5880's design keeps hold times short.
 */
#pragma D option quiet

lockstat:::adaptive-acquire
{
	self->held[args[0]->lock_name] = timestamp;
}

lockstat:::adaptive-release
/self->held[args[0]->lock_name]/
{
	@hold[args[0]->lock_name] = avg(timestamp - self->held[args[0]->lock_name]);
	@holds[args[0]->lock_name] = count();
	self->held[args[0]->lock_name] = 0;
}

tick-2s
{
	printf("%-16s %12s %10s\n", "LOCK", "AVG HOLD ns", "HOLDS");
	printa("%-16s %@12d %@10d\n", @hold, @holds);
	exit(0);
}
