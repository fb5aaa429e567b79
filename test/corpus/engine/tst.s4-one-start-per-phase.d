#pragma D option quiet
sdt:::zsd-shutdown-start
{
	sd[args[0]->zone_id, arg1]++;
	@shutdown = max(sd[args[0]->zone_id, arg1]);
}
sdt:::zsd-destroy-start
{
	de[args[0]->zone_id, arg1]++;
	@destroy = max(de[args[0]->zone_id, arg1]);
}
END { printa("shutdown %@d\n", @shutdown); printa("destroy %@d\n", @destroy); }
