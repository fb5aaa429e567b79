/*
 * The engine's kernel types: sizes and offsets from the kernel library, a probe argument read
 * directly and through its address, and the procfs-style views of the current thread.
 */
#pragma D option quiet

zone_t z;

BEGIN
{
	printf("sizeof zone_t %d, struct zsd_entry %d, kthread_t %d\n", sizeof (zone_t), sizeof (struct zsd_entry), sizeof (kthread_t));
	printf("offsetof zone_t zone_id %d, zone_status %d; sizeof z %d\n", offsetof(zone_t, zone_id), offsetof(zone_t, zone_status), sizeof (z));
}

sdt:::zsd-create-start
/args[0]->zone_id != 0 && !seen[args[0]->zone_id]++/
{
	this->zp = (zone_t *)arg0;
	this->zi = xlate<zoneinfo_t *>(args[0]);
	printf("zone %d %s = %s = %s (%s)\n", args[0]->zone_id, args[0]->zone_name, this->zp->zone_name,
	    stringof(this->zi->zi_name), this->zp->zone_lock.lock_name);
	printf("  by %s pid %d lwp %d (%s), curthread %s\n", curpsinfo->pr_fname, curpsinfo->pr_pid,
	    curlwpsinfo->pr_lwpid, curlwpsinfo->pr_name,
	    curlwpsinfo->pr_addr == (uintptr_t)curthread ? "matches" : "differs");
}
