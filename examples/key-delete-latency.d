/*
 * key-delete-latency.d: how long zone_key_delete takes when a module unloads.
 *
 * zone_key_delete marks every zone, runs the shutdown and destroy passes and waits for work in
 * progress (spec 2.4), so its time grows with the zones that hold the key.
 */
#pragma D option quiet

fbt::zone_key_delete:entry
{
	self->ts = timestamp;
}

fbt::zone_key_delete:return
/self->ts/
{
	@["zone_key_delete (ns)"] = quantize(timestamp - self->ts);
	@n["calls"] = count();
	self->ts = 0;
}

tick-3s
{
	exit(0);
}
