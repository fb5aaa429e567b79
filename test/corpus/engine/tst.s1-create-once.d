#pragma D option quiet
sdt:::zsd-create-start
{
	n[args[0]->zone_id, arg1]++;
	@most = max(n[args[0]->zone_id, arg1]);
}
END { printa("%@d\n", @most); }
