/*
 * zonehash-contention.d: contention on zonehash_lock, by thread name.
 *
 * zonehash_lock is held by zone_key_create's marking loop, zsd_apply_all_zones and zsched's
 * configure step. lockstat's adaptive-block fires when a thread had to wait for it; arg1 is
 * the time it spent blocked.
 */
#pragma D option quiet

lockstat:::adaptive-block
/args[0]->lock_name == "zonehash_lock"/
{
	@[execname] = quantize(arg1);
	@total = sum(arg1);
}

tick-3s
{
	printa("total time blocked on zonehash_lock: %@d ns\n", @total);
	exit(0);
}
