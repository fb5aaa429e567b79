#!/usr/sbin/dtrace -s
/*
 * callback-latency.d: how long ZSD create, shutdown and destroy callbacks take.
 *
 * Each callback runs between zsd-<phase>-start and zsd-<phase>-end with no framework lock held
 * (spec 2.12), so its latency is the consumer's own work plus whatever it blocks on: netstack
 * for exclusive-IP zones, NFS and audit shutdowns that wait for their threads. The tables show
 * the three phases side by side; the last line says which threads ran them. Stops by itself
 * after three seconds.
 */
#pragma D option quiet

sdt:::zsd-create-start, sdt:::zsd-shutdown-start, sdt:::zsd-destroy-start
{
	@who[execname] = count();
}

sdt:::zsd-shutdown-start, sdt:::zsd-destroy-start
{
	self->ts[args[0]->zone_id, args[1]] = timestamp;
}

sdt:::zsd-shutdown-end, sdt:::zsd-destroy-end
/self->ts[args[0]->zone_id, args[1]]/
{
	@lat[probename == "zsd-shutdown-end" ? "shutdown" : "destroy"] =
	    quantize(timestamp - self->ts[args[0]->zone_id, args[1]]);
	self->ts[args[0]->zone_id, args[1]] = 0;
}

/* zsd-create-end carries the create result, not the key: time creates per thread instead. */
sdt:::zsd-create-start
{
	self->create = timestamp;
}

sdt:::zsd-create-end
/self->create/
{
	@lat["create"] = quantize(timestamp - self->create);
	self->create = 0;
}

tick-3s
{
	printf("ZSD callback latency in ns, by phase, after 3 s of the illumos workload:\n");
	printa(@lat);
	printf("callbacks run, by thread:\n");
	printa(@who);
	exit(0);
}
