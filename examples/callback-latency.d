#!/usr/sbin/dtrace -s
/*
 * callback-latency.d: how long ZSD create, shutdown and destroy callbacks take, per key.
 *
 * Each callback runs between zsd-<phase>-start and zsd-<phase>-end, with no framework lock held
 * (spec 2.12). The distribution shows which keys have slow callbacks (netstack, nfs, audit …)
 * and how their latency spreads. Stops by itself after three seconds.
 */
#pragma D option quiet

sdt:::zsd-create-start, sdt:::zsd-shutdown-start, sdt:::zsd-destroy-start
{
	self->ts[args[1]] = timestamp;
}

sdt:::zsd-shutdown-end, sdt:::zsd-destroy-end
/self->ts[args[1]]/
{
	@lat[strjoin(probename == "zsd-shutdown-end" ? "shutdown " : "destroy ", lltostr(args[1]))] =
	    quantize(timestamp - self->ts[args[1]]);
	self->ts[args[1]] = 0;
}

sdt:::zsd-create-start
{
	self->create = timestamp;
}

sdt:::zsd-create-end
/self->create/
{
	@lat["create (all keys)"] = quantize(timestamp - self->create);
	self->create = 0;
}

tick-3s
{
	printf("ZSD callback latency (ns) after %d s of the illumos workload\n", 3);
	exit(0);
}
