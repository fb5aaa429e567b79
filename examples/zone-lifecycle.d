/*
 * zone-lifecycle.d: time from zone_create to READY, and from zone_shutdown to the end of
 * zone_destroy, per zone.
 */
#pragma D option quiet

fbt::zone_create:entry { self->c = timestamp; }
fbt::zone_create:return /self->c/ { @create = quantize(timestamp - self->c); self->c = 0; }
fbt::zone_shutdown:entry { self->s = timestamp; }
fbt::zone_shutdown:return /self->s/ { @shutdown = quantize(timestamp - self->s); self->s = 0; }
fbt::zone_destroy:entry { self->d = timestamp; }
fbt::zone_destroy:return /self->d/ { @destroy = quantize(timestamp - self->d); self->d = 0; }

tick-3s
{
	exit(0);
}
