/*
 * slow-key-create.d: the probe trail of zone_key_create calls that took over 1 ms, and only those.
 *
 * Speculative tracing: every key_create records its ZSD probes into a speculation; the
 * speculation is committed only if the call was slow, and discarded otherwise.
 */
#pragma D option quiet
#pragma D option nspec=4

fbt::zone_key_create:entry
{
	self->spec = speculation();
	self->ts = timestamp;
	speculate(self->spec);
	printf("zone_key_create by %s at %d ns\n", execname, timestamp);
}

sdt:::zsd-create-start, sdt:::zsd-create-end, sdt:::zsd-wait-for-inprogress
/self->spec/
{
	speculate(self->spec);
	printf("  %-26s zone %s\n", probename, args[0]->zone_name);
}

fbt::zone_key_create:return
/self->ts/
{
	@calls[timestamp - self->ts > 1000000 ? "slow (> 1 ms)" : "fast"] = count();
}

fbt::zone_key_create:return
/self->spec && timestamp - self->ts > 1000000/
{
	commit(self->spec);
	self->spec = 0;
}

fbt::zone_key_create:return
/self->spec/
{
	discard(self->spec);
	self->spec = 0;
}

tick-3s
{
	printf("\nzone_key_create calls:\n");
	printa(@calls);
	exit(0);
}
